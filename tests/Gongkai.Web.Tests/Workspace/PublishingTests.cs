using System.Net;
using Microsoft.Extensions.DependencyInjection;
using System.Text.RegularExpressions;

namespace Gongkai.Web.Tests.Workspace;

public partial class PublishingTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> StepAsync(WebClient client, string item, string step) =>
        await client.PostFormAsync(item, ("step", step));

    private static async Task<string> RefusalOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync(Ct);
        return Refusal().Match(page).Groups[1].Value;
    }

    [Fact]
    public async Task ReviewChain_NeedsTheRightRoleAndADifferentPersonAtEachStep_ThenTheItemIsFoundBySearch()
    {
        var clerk = await factory.SignedInAsync("经办人", "BGQ-05");
        var draft = await clerk.PostFormAsync("/admin/publications/new",
            ("AgencyId", "BGQ-05"), ("Title", "灯塔路街道2026年冬季供暖保障工作方案"), ("Category", "11"), ("Area", "市政服务"),
            ("DocumentNumber", "灯办发〔2026〕12号"), ("WrittenOn", "2026-11-02"), ("Validity", "有效"),
            ("Body", "为保障辖区居民温暖过冬，街道成立供暖保障专班，对老旧管网开展排查，设立24小时报修电话。"));
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        var item = draft.Headers.Location!.OriginalString;
        var page = await clerk.GetStringAsync(item);
        Assert.Matches(@"BGQ-05/2026-\d{5}|\w{18}/2026-\d{5}", page);
        Assert.Contains("待保密审查", page, StringComparison.Ordinal);
        Assert.Contains("2026-11-30", page, StringComparison.Ordinal);

        Assert.Contains("须由审核人办理", await RefusalOf(await StepAsync(clerk, item, "SecrecyChecked")), StringComparison.Ordinal);
        var reviewer = await factory.SignedInAsync("审核人", "BGQ-05");
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(reviewer, item, "SecrecyChecked")).StatusCode);
        Assert.Contains("须由另一人办理", await RefusalOf(await StepAsync(reviewer, item, "Reviewed")), StringComparison.Ordinal);
        var reviewer2 = await factory.SignedInAsync("审核人", "BGQ-05");
        Assert.Contains("当前应进行「审核」", await RefusalOf(await StepAsync(reviewer2, item, "Signed")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(reviewer2, item, "Reviewed")).StatusCode);
        var leader = await factory.SignedInAsync("分管领导", "BGQ-05");
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(leader, item, "Signed")).StatusCode);

        var beforePublication = await factory.Browser().GetStringAsync("/search?q=" + Uri.EscapeDataString("供暖保障"));
        Assert.Contains("找到 0 条结果", beforePublication, StringComparison.Ordinal);
        Assert.Contains("须由另一人办理", await RefusalOf(await StepAsync(clerk, item, "Published")), StringComparison.Ordinal);
        var clerk2 = await factory.SignedInAsync("经办人", "BGQ-05");
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(clerk2, item, "Published")).StatusCode);
        Assert.Contains("按时发布", await clerk2.GetStringAsync(item), StringComparison.Ordinal);

        var found = await factory.Browser().GetStringAsync("/search?q=" + Uri.EscapeDataString("供暖保障"));
        Assert.Contains("<mark>供暖保障</mark>", found, StringComparison.Ordinal);
        Assert.Contains("灯办发〔2026〕12号", await factory.Browser().GetStringAsync(item.Replace("/admin/publications/", "/catalog/", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IndexNumbers_AreUniqueAndSequentialPerAgencyAndYear()
    {
        var clerk = await factory.SignedInAsync("经办人", "BGQ-05");
        var numbers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var response = await clerk.PostFormAsync("/admin/publications/new",
                ("AgencyId", "BGQ-05"), ("Title", $"测试信息{i}"), ("Category", "15"), ("WrittenOn", "2025-06-01"), ("Validity", "有效"), ("Body", "内容"));
            var page = await clerk.GetStringAsync(response.Headers.Location!.OriginalString);
            numbers.Add(IndexNumber().Match(page).Groups[1].Value);
        }

        Assert.Equal(3, numbers.Distinct().Count());
        var serials = numbers.Select(n => int.Parse(n[^5..], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal([serials[0], serials[0] + 1, serials[0] + 2], serials);
        Assert.All(numbers, n => Assert.Contains("/2025-", n, StringComparison.Ordinal));
    }

    [Fact]
    public async Task InvalidDraft_IsRefusedWithReasons_AndOtherAgenciesAreOutOfScope()
    {
        var clerk = await factory.SignedInAsync("经办人", "BGQ-05");
        var response = await clerk.PostFormAsync("/admin/publications/new", ("AgencyId", "BGQ-01"), ("Title", ""), ("Category", "99"), ("WrittenOn", "2026-01-01"), ("Validity", "永久"), ("Body", ""));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync(Ct);
        foreach (var message in new[] { "请填写名称", "请填写内容", "第二十条", "有效性应为", "只能以本机关" })
        {
            Assert.Contains(message, page, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("id=\"refusal\">([^<]+)<")]
    private static partial Regex Refusal();

    [GeneratedRegex(@"<th>索引号</th><td>([^<]+)</td>")]
    private static partial Regex IndexNumber();

    [Fact]
    public async Task AnItemPublishedByMistake_IsWithdrawnByALeaderWithAReason_AndAnswers410()
    {
        var id = await factory.PublishAsync(new Gongkai.Data.Publishing.PublicationInput("BGQ-05", "灯塔路街道误发布的测试通知", "此通知发布有误。", 11, null, null, null, factory.Today));

        var item = $"/admin/publications/{id}";
        Assert.Equal(HttpStatusCode.OK, (await factory.Browser().GetAsync($"/catalog/{id}")).StatusCode);
        var clerk = await factory.SignedInAsync("经办人", "BGQ-05");
        Assert.Contains("须由分管领导办理", await RefusalOf(await clerk.PostFormAsync(item, [("reason", "误发布")], withToken: true, action: item + "?handler=withdraw")), StringComparison.Ordinal);
        var leader = await factory.SignedInAsync("分管领导", "BGQ-05", "王领导");
        Assert.Contains("请写明撤回理由", await RefusalOf(await leader.PostFormAsync(item, [("reason", " ")], withToken: true, action: item + "?handler=withdraw")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await leader.PostFormAsync(item, [("reason", "正文含未经审核的内容，误发布")], withToken: true, action: item + "?handler=withdraw")).StatusCode);

        var gone = await factory.Browser().GetAsync($"/catalog/{id}");
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        var notice = await gone.Content.ReadAsStringAsync(Ct);
        Assert.Contains("撤回，不再公开", notice, StringComparison.Ordinal);
        Assert.DoesNotContain("误发布的测试通知", notice, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, (await factory.CreateClient().GetAsync(WebClient.U($"/api/publications/{id}"), Ct)).StatusCode);
        Assert.Contains("找到 0 条结果", await factory.Browser().GetStringAsync("/search?q=" + Uri.EscapeDataString("误发布的测试通知")), StringComparison.Ordinal);
        Assert.Contains("已撤回", await leader.GetStringAsync(item), StringComparison.Ordinal);

        using var check = factory.Services.CreateScope();
        var audit = check.ServiceProvider.GetRequiredService<Gongkai.Data.Model.GongkaiDbContext>().Audit.Single(a => a.Entity == "publication" && a.Action == "withdrawn");
        Assert.Equal("王领导", audit.Actor);
        Assert.Equal("正文含未经审核的内容，误发布", System.Text.Json.JsonDocument.Parse(audit.After!).RootElement.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task RepealingANormativeDocument_IsForAReviewer_ShownOnThePortal_AndLowersTheReportsInForceCount()
    {
        const string title = "灯塔路街道关于规范临时占道经营的若干规定";
        using (var scope = factory.Services.CreateScope())
        {
            await new Gongkai.Data.Records.RecordStore(scope.ServiceProvider.GetRequiredService<Gongkai.Data.Model.GongkaiDbContext>())
                .AddNormativeAsync("BGQ-05", new Gongkai.Core.Cases.NormativeRecord(title, Gongkai.Core.Cases.NormativeKind.NormativeDocument, new DateOnly(2026, 3, 1)), "测试", Ct);
        }

        var id = await factory.PublishAsync(new Gongkai.Data.Publishing.PublicationInput("BGQ-05", title, "为规范临时占道经营，制定本规定。", 1, null, "灯办发〔2026〕3号", null, new DateOnly(2026, 3, 1)));

        async Task<decimal?> InForceAsync()
        {
            using var scope = factory.Services.CreateScope();
            var report = await Gongkai.Data.Reports.RecordsReport.TablesAsync(scope.ServiceProvider.GetRequiredService<Gongkai.Data.Model.GongkaiDbContext>(), "BGQ-05", 2026, ct: Ct);
            return report.Proactive!["normativeDocuments"]![2];
        }

        var before = await InForceAsync();
        var item = $"/admin/publications/{id}";
        var clerk = await factory.SignedInAsync("经办人", "BGQ-05");
        Assert.Contains("须由审核人办理", await RefusalOf(await clerk.PostFormAsync(item, [("validity", "废止"), ("repealedByNumber", "灯办发〔2026〕9号")], withToken: true, action: item + "?handler=validity")), StringComparison.Ordinal);
        var reviewer = await factory.SignedInAsync("审核人", "BGQ-05");
        Assert.Contains("废止须写明", await RefusalOf(await reviewer.PostFormAsync(item, [("validity", "废止")], withToken: true, action: item + "?handler=validity")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.PostFormAsync(item, [("validity", "废止"), ("on", "2026-10-30"), ("repealedByNumber", "灯办发〔2026〕9号"), ("repealedByUrl", "/catalog/1")],
            withToken: true, action: item + "?handler=validity")).StatusCode);

        var portal = await factory.Browser().GetStringAsync($"/catalog/{id}");
        Assert.Contains("本文件已于 2026年10月30日 废止", portal, StringComparison.Ordinal);
        Assert.Contains("灯办发〔2026〕9号", portal, StringComparison.Ordinal);
        Assert.Equal(before - 1, await InForceAsync());
        var words = Uri.EscapeDataString("临时占道经营");
        Assert.Contains("找到 1 条结果", await factory.Browser().GetStringAsync($"/search?q={words}&validity=%E5%BA%9F%E6%AD%A2"), StringComparison.Ordinal);
        Assert.Contains("找到 0 条结果", await factory.Browser().GetStringAsync($"/search?q={words}&validity=%E6%9C%89%E6%95%88"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARevision_GoesThroughTheSameChain_KeepsTheIndexNumber_AndThePortalSaysRevised()
    {
        var id = await factory.PublishAsync(new Gongkai.Data.Publishing.PublicationInput("BGQ-05", "灯塔路街道关于冬季除雪的通知", "各社区组织人员清扫积雪，确保主干道畅通。", 11, null, "灯办发〔2026〕20号", null, factory.Today));
        var item = $"/admin/publications/{id}";
        var revise = item + "?handler=revise";
        var step = item + "?handler=revisionStep";
        (string, string)[] revision = [("title", "灯塔路街道关于冬季除雪除冰的通知"), ("documentNumber", "灯办发〔2026〕20号"), ("body", "各社区组织人员清扫积雪、撒布融雪剂，确保主干道和人行道畅通。"), ("reason", "补充除冰要求")];
        var indexBefore = IndexNumber().Match(await (await factory.SignedInAsync("经办人", "BGQ-05")).GetStringAsync(item)).Groups[1].Value;

        var reviewer = await factory.SignedInAsync("审核人", "BGQ-05");
        Assert.Contains("须由经办人办理", await RefusalOf(await reviewer.PostFormAsync(item, revision, withToken: true, action: revise)), StringComparison.Ordinal);
        var clerk = await factory.SignedInAsync("经办人", "BGQ-05");
        Assert.Contains("请写明修订说明", await RefusalOf(await clerk.PostFormAsync(item, [.. revision[..3], ("reason", "")], withToken: true, action: revise)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.PostFormAsync(item, revision, withToken: true, action: revise)).StatusCode);
        Assert.Contains("已有一个修订在审核中", await RefusalOf(await clerk.PostFormAsync(item, revision, withToken: true, action: revise)), StringComparison.Ordinal);
        Assert.Contains("冬季除雪的通知", await factory.Browser().GetStringAsync($"/catalog/{id}"), StringComparison.Ordinal);

        Assert.Contains("须由审核人办理", await RefusalOf(await clerk.PostFormAsync(item, [("step", "SecrecyChecked")], withToken: true, action: step)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.PostFormAsync(item, [("step", "SecrecyChecked")], withToken: true, action: step)).StatusCode);
        Assert.Contains("须由另一人办理", await RefusalOf(await reviewer.PostFormAsync(item, [("step", "Reviewed")], withToken: true, action: step)), StringComparison.Ordinal);
        var reviewer2 = await factory.SignedInAsync("审核人", "BGQ-05");
        Assert.Contains("当前应进行「审核」", await RefusalOf(await reviewer2.PostFormAsync(item, [("step", "Published")], withToken: true, action: step)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer2.PostFormAsync(item, [("step", "Reviewed")], withToken: true, action: step)).StatusCode);
        var leader = await factory.SignedInAsync("分管领导", "BGQ-05");
        Assert.Equal(HttpStatusCode.Redirect, (await leader.PostFormAsync(item, [("step", "Signed")], withToken: true, action: step)).StatusCode);
        Assert.Contains("须由另一人办理", await RefusalOf(await clerk.PostFormAsync(item, [("step", "Published")], withToken: true, action: step)), StringComparison.Ordinal);
        Assert.Contains("冬季除雪的通知", await factory.Browser().GetStringAsync($"/catalog/{id}"), StringComparison.Ordinal);
        var clerk2 = await factory.SignedInAsync("经办人", "BGQ-05");
        Assert.Equal(HttpStatusCode.Redirect, (await clerk2.PostFormAsync(item, [("step", "Published")], withToken: true, action: step)).StatusCode);

        var portal = await factory.Browser().GetStringAsync($"/catalog/{id}");
        Assert.Contains("冬季除雪除冰的通知", portal, StringComparison.Ordinal);
        Assert.DoesNotContain("冬季除雪的通知", portal, StringComparison.Ordinal);
        Assert.Contains("id=\"revised\">已修订", portal, StringComparison.Ordinal);
        Assert.Contains($"{factory.Today:yyyy-MM-dd}（补充除冰要求）", portal, StringComparison.Ordinal);
        Assert.Contains("找到 1 条结果", await factory.Browser().GetStringAsync("/search?q=" + Uri.EscapeDataString("融雪剂")), StringComparison.Ordinal);
        var workspace = await clerk2.GetStringAsync(item);
        Assert.Equal(indexBefore, IndexNumber().Match(workspace).Groups[1].Value);
        Assert.Contains("各社区组织人员清扫积雪，确保主干道畅通。", workspace, StringComparison.Ordinal);
        Assert.Contains("第 1 次修订：补充除冰要求", workspace, StringComparison.Ordinal);
    }
}
