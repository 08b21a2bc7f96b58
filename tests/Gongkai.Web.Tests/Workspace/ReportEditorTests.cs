using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Gongkai.Testing;

namespace Gongkai.Web.Tests.Workspace;

public class ReportEditorTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Narrative_IsEdited_CheckedLive_ThenLockedAndPublishedByTheLeader()
    {
        const string page = "/admin/reports?agency=BGQ-06&year=2026";
        var clerk = await factory.SignedInAsync("经办人", "BGQ-06");
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
        Assert.Equal(HttpStatusCode.NotFound, (await factory.Browser().GetAsync("/reports/BGQ-06/2026")).StatusCode);

        var leader = await factory.SignedInAsync("分管领导", "BGQ-06");
        (string, string)[] final = [.. narrative.Where(f => f.Item1 != "overview"), ("overview", "本年度依法办理政府信息公开申请。")];
        Assert.Equal(HttpStatusCode.Redirect, (await leader.PostFormAsync(page, final, withToken: true, action: "/admin/reports?handler=lock")).StatusCode);
        var published = await factory.Browser().GetStringAsync("/reports/BGQ-06/2026");
        Assert.Contains("本年度依法办理政府信息公开申请。", published, StringComparison.Ordinal);
        Assert.Contains("锁定并在门户发布", await leader.GetStringAsync(page), StringComparison.Ordinal);

        var late = await clerk.PostFormAsync(page, narrative, withToken: true, action: "/admin/reports?handler=save");
        Assert.Contains("已经锁定发布，不能再修改正文", await late.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
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
