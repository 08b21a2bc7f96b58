using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Gongkai.Web.Tests.Workspace;

/// <summary>条例 第四十四条: three alike applications become a suggestion to publish proactively.</summary>
public class SuggestionTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> ApplyAsync(string agencyId, string phone, string description)
    {
        var response = await factory.CreateClient().PostAsJsonAsync(WebClient.U("/api/applications"), new
        {
            agencyId, applicantType = "natural", name = "申请人", idNumber = "11010519491231002X", phone, description, consent = true,
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("trackingNumber").GetString()!;
    }

    [Fact]
    public async Task ThreeAlikeApplications_BecomeASuggestion_ThatAClerkTurnsIntoADraft()
    {
        var a = await ApplyAsync("BGQ-06", "13200000001", "申请公开滨河街道2026年加装电梯补贴发放名单");
        var b = await ApplyAsync("BGQ-06", "13200000002", "请求公开滨河街道2026年度加装电梯补贴的发放名单");
        var other = await ApplyAsync("BGQ-06", "13200000003", "申请公开滨河街道2025年部门决算");
        var clerk = await factory.SignedInAsync("经办人", "BGQ-06");
        Assert.Contains("id=\"no-suggestions\"", await clerk.GetStringAsync("/admin/suggestions"), StringComparison.Ordinal);

        var c = await ApplyAsync("BGQ-06", "13200000004", "滨河街道加装电梯补贴发放名单（2026年）");
        var page = await clerk.GetStringAsync("/admin/suggestions");
        // The group is named by its earliest application (all three came today: the smallest number).
        var key = new[] { a, b, c }.Order(StringComparer.Ordinal).First();
        Assert.Contains($"id=\"suggestion-{key}\"", page, StringComparison.Ordinal);
        Assert.Contains(a, page, StringComparison.Ordinal);
        Assert.Contains(b, page, StringComparison.Ordinal);
        Assert.Contains(c, page, StringComparison.Ordinal);
        Assert.DoesNotContain(other, page, StringComparison.Ordinal);
        Assert.DoesNotContain(key, await (await factory.SignedInAsync("经办人", "BGQ-05")).GetStringAsync("/admin/suggestions"), StringComparison.Ordinal);

        var reviewer = await factory.SignedInAsync("审核人", "BGQ-06");
        var refused = await reviewer.PostFormAsync("/admin/suggestions", [("agencyId", "BGQ-06"), ("key", key), ("category", "11")], withToken: true, action: "/admin/suggestions?handler=accept");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("须由经办人办理", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var noReason = await clerk.PostFormAsync("/admin/suggestions", [("agencyId", "BGQ-06"), ("key", key), ("reason", "")], withToken: true, action: "/admin/suggestions?handler=dismiss");
        Assert.Contains("请写明不予采纳的理由", await noReason.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var accepted = await clerk.PostFormAsync("/admin/suggestions", [("agencyId", "BGQ-06"), ("key", key), ("category", "11")], withToken: true, action: "/admin/suggestions?handler=accept");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var draft = await clerk.GetStringAsync(accepted.Headers.Location!.OriginalString);
        Assert.Contains("依申请公开转主动公开", draft, StringComparison.Ordinal);
        Assert.Contains("待保密审查", draft, StringComparison.Ordinal);
        Assert.Contains(c, draft, StringComparison.Ordinal);
        Assert.Contains("id=\"no-suggestions\"", await clerk.GetStringAsync("/admin/suggestions"), StringComparison.Ordinal);

        // Section 一 of the year's drafted narrative cites it.
        using var scope = factory.Services.CreateScope();
        var report = await Gongkai.Data.Reports.RecordsReport.BuildAsync(scope.ServiceProvider.GetRequiredService<Gongkai.Data.Model.GongkaiDbContext>(), "BGQ-06", factory.Today.Year, ct: Ct);
        Assert.Contains("依据条例第四十四条，将1类多人申请的相同政府信息转为主动公开", report.Sections.Overview, StringComparison.Ordinal);
    }
}
