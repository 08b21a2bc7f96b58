using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Gongkai.Testing;

namespace Gongkai.Web.Tests.Workspace;

public class ReportEditorTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Narrative_IsEdited_CheckedLive_ThenReviewedByOne_LockedByAnother_AfterTheYear()
    {
        using var app = new AppFactory(); // its own clock: this test moves it past the year end
        const string page = "/admin/reports?agency=BGQ-06&year=2026";
        var clerk = await app.SignedInAsync("经办人", "BGQ-06");
        var html = await clerk.GetStringAsync(page);
        Assert.Contains("<table class=\"gk t3\">", html, StringComparison.Ordinal);
        Assert.Contains("滨河街道办事处2026年政府信息公开工作年度报告", html, StringComparison.Ordinal);

        (string, string)[] narrative = [("agency", "BGQ-06"), ("year", "2026"), ("overview", "本年度共收到政府信息公开申请9999件。"), ("problems", "无"), ("other", "本年度未收取信息处理费。")];
        var check = await clerk.PostFormAsync(page, narrative, withToken: true, action: "/admin/reports?handler=check");
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        var diagnostics = JsonDocument.Parse(await check.Content.ReadAsStringAsync(Ct)).RootElement.EnumerateArray().Select(d => d.GetProperty("code").GetString()).ToArray();
        Assert.Contains("text-table-mismatch", diagnostics);

        Assert.Equal(HttpStatusCode.Redirect, (await clerk.PostFormAsync(page, narrative, withToken: true, action: "/admin/reports?handler=save")).StatusCode);
        Assert.Contains("本年度共收到政府信息公开申请9999件。", await clerk.GetStringAsync(page), StringComparison.Ordinal);
        Assert.Contains("text-table-mismatch", await clerk.GetStringAsync(page), StringComparison.Ordinal);

        var refused = await clerk.PostFormAsync(page, narrative, withToken: true, action: "/admin/reports?handler=lock");
        Assert.StartsWith("/denied", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        // 2026-11-02: the year is not over, nothing is reviewed.
        var leader = await app.SignedInAsync("分管领导", "BGQ-06", "孙分管");
        (string, string)[] final = [.. narrative.Where(f => f.Item1 != "overview"), ("overview", "本年度依法办理政府信息公开申请。"), ("acknowledge", "true")];
        var early = await leader.PostFormAsync(page, final, withToken: true, action: "/admin/reports?handler=lock");
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        var earlyPage = await early.Content.ReadAsStringAsync(Ct);
        Assert.Contains("2026年度尚未结束", earlyPage, StringComparison.Ordinal);
        Assert.Contains("尚未审核", earlyPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync("/reports/BGQ-06/2026")).StatusCode);

        app.Clock.MoveTo(new DateOnly(2027, 1, 11)); // ten weeks on: everyone signs in again
        leader = await app.SignedInAsync("分管领导", "BGQ-06", "孙分管");
        clerk = await app.SignedInAsync("经办人", "BGQ-06");
        Assert.Equal(HttpStatusCode.Redirect, (await leader.PostFormAsync(page, [("agency", "BGQ-06"), ("year", "2026")], withToken: true, action: "/admin/reports?handler=review")).StatusCode);
        Assert.Contains("孙分管 已审核当前正文", await leader.GetStringAsync(page), StringComparison.Ordinal);
        var self = await leader.PostFormAsync(page, final, withToken: true, action: "/admin/reports?handler=lock");
        Assert.Contains("不能是同一人", await self.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var reviewer = await app.SignedInAsync("审核人", "BGQ-06", "钱审核");
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.PostFormAsync(page, [("agency", "BGQ-06"), ("year", "2026")], withToken: true, action: "/admin/reports?handler=review")).StatusCode);
        var unacknowledged = await leader.PostFormAsync(page, [.. final.Where(f => f.Item1 != "acknowledge")], withToken: true, action: "/admin/reports?handler=lock");
        Assert.Contains("个警告，请逐一核对后确认", await unacknowledged.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await leader.PostFormAsync(page, final, withToken: true, action: "/admin/reports?handler=lock")).StatusCode);
        var published = await app.Browser().GetStringAsync("/reports/BGQ-06/2026");
        Assert.Contains("本年度依法办理政府信息公开申请。", published, StringComparison.Ordinal);
        Assert.DoesNotContain("更正版", published, StringComparison.Ordinal);
        Assert.Contains("锁定并在门户发布", await leader.GetStringAsync(page), StringComparison.Ordinal);

        var late = await clerk.PostFormAsync(page, narrative, withToken: true, action: "/admin/reports?handler=save");
        Assert.Contains("已经锁定发布，不能再修改正文", await late.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // A late-registered 2026 application changes the records: a 更正版 is reviewed and published; the original stays.
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.PostFormAsync("/admin/cases/new",
            ("Channel", "InPerson"), ("ReceivedOn", "2026-12-30"), ("AgencyId", "BGQ-06"), ("ApplicantType", "natural"), ("Name", "李四"),
            ("IdNumber", "11010519491231002X"), ("Phone", "13800000001"), ("Description", "申请公开2026年滨河街道防汛物资清单"))).StatusCode);
        Assert.Contains("id=\"restatement\"", await leader.GetStringAsync(page), StringComparison.Ordinal);
        var unreviewed = await leader.PostFormAsync(page, [("agency", "BGQ-06"), ("year", "2026"), ("acknowledge", "true")], withToken: true, action: "/admin/reports?handler=lock");
        Assert.Contains("尚未审核", await unreviewed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.PostFormAsync(page, [("agency", "BGQ-06"), ("year", "2026")], withToken: true, action: "/admin/reports?handler=review")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await leader.PostFormAsync(page, [("agency", "BGQ-06"), ("year", "2026"), ("acknowledge", "true")], withToken: true, action: "/admin/reports?handler=lock")).StatusCode);
        var restated = await app.Browser().GetStringAsync("/reports/BGQ-06/2026");
        Assert.Contains("更正版（第 2 版，2027-01-11 发布）", restated, StringComparison.Ordinal);
        Assert.Contains("href=\"/reports/BGQ-06/2026?version=1\"", restated, StringComparison.Ordinal);
        var original = await app.Browser().GetStringAsync("/reports/BGQ-06/2026?version=1");
        Assert.Contains("原版本（2027-01-11 发布，已被更正）", original, StringComparison.Ordinal);
    }

    [Fact]
    public async Task YearlyCounts_AreEnteredForTableTwo_AndClearItsBlankCells()
    {
        const string page = "/admin/reports?agency=BGQ-04&year=2026";
        var clerk = await factory.SignedInAsync("经办人", "BGQ-04");
        Assert.Contains("行政许可」「本年处理决定数量」为空白", await clerk.GetStringAsync(page), StringComparison.Ordinal);

        var bad = await clerk.PostFormAsync(page, [("agency", "BGQ-04"), ("year", "2026"), ("licensing", "-1"), ("penalties", "0"), ("enforcement", "0"), ("fees", "0")], withToken: true, action: "/admin/reports?handler=counts");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        var saved = await clerk.PostFormAsync(page, [("agency", "BGQ-04"), ("year", "2026"), ("licensing", "321"), ("penalties", "45"), ("enforcement", "6"), ("fees", "1.25")], withToken: true, action: "/admin/reports?handler=counts");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var html = await clerk.GetStringAsync(page);
        Assert.DoesNotContain("「本年处理决定数量」为空白", html, StringComparison.Ordinal);
        Assert.Contains(">321<", html, StringComparison.Ordinal);
        Assert.Contains(">1.2500<", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_CreatesAnAccountThatCanSignIn()
    {
        var admin = await factory.SignedInAsync("管理员", "BGQ");
        var response = await admin.PostFormAsync("/admin/users", ("UserName", "newclerk"), ("DisplayName", "冯经办"), ("AgencyId", "BGQ-02"), ("Role", "经办人"));
        var page = await response.Content.ReadAsStringAsync(Ct);
        var password = System.Text.RegularExpressions.Regex.Match(page, "初始密码 <strong>([^<]+)</strong>").Groups[1].Value;
        Assert.Equal(14, password.Length);
        var newcomer = factory.Browser();
        await newcomer.LoginAsync("newclerk", password);
        Assert.Equal("/account/password", (await newcomer.GetAsync("/admin")).Headers.Location?.OriginalString); // the first sign-in chooses a new password

        var outside = await factory.SignedInAsync("管理员", "BGQ-05");
        var refused = await outside.PostFormAsync("/admin/users", ("UserName", "x1"), ("DisplayName", "某"), ("AgencyId", "BGQ-02"), ("Role", "经办人"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("只能为本机关及下属机关建立账号", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_ReadsEveryUploadedReport_AndRollsThemUp()
    {
        var office = await factory.SignedInAsync("经办人", "BGQ");
        var token = WebClient.TokenOf(await office.GetStringAsync("/admin/review"));
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var seeds = Directory.GetFiles(Path.GetDirectoryName(SharedFiles.Corpus("seeds", "000_0cabfea7d7ace98a.txt"))!, "*.txt").Order(StringComparer.Ordinal).ToArray();
        foreach (var seed in seeds)
        {
            var file = new ByteArrayContent(await File.ReadAllBytesAsync(seed, Ct));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            form.Add(file, "Files", Path.GetFileName(seed));
        }

        form.Add(new ByteArrayContent([0x00, 0x01, 0xFF, 0xFE, 0x00]), "Files", "broken.bin");
        var response = await office.Http.PostAsync(WebClient.U("/admin/review"), form, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains($"逐份检查（{seeds.Length + 1} 份）", page, StringComparison.Ordinal);
        Assert.Contains("broken.bin", page, StringComparison.Ordinal);
        Assert.Contains("[not-a-report]", page, StringComparison.Ordinal);
        Assert.Contains("[missing-row]", page, StringComparison.Ordinal);
        Assert.Contains("data-chart=\"outcomes\"", page, StringComparison.Ordinal);
        Assert.Contains("年度汇总", page, StringComparison.Ordinal);
        Assert.Contains("/lib/echarts/echarts.min.js", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ECharts_IsServedLocally()
    {
        var response = await factory.Browser().GetAsync("/lib/echarts/echarts.min.js");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("echarts", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
