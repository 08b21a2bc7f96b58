using System.Net;
using System.Text.Json;

namespace Gongkai.Web.Tests.Portal;

public class PortalTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Health_Answers200WhenTheDatabaseAnswers()
    {
        var response = await factory.Browser().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Home_HasTheFiveColumnsAndTheLatestItems()
    {
        var home = await factory.Browser().GetStringAsync("/");
        foreach (var column in new[] { "政府信息公开指南", "政府信息公开制度", "法定主动公开内容", "政府信息公开年报", "依申请公开" })
        {
            Assert.Contains(column, home, StringComparison.Ordinal);
        }

        Assert.Contains("最低生活保障审批结果公示", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_ListsThePublishedYearsWithDownloads()
    {
        var page = await factory.Browser().GetStringAsync("/reports");
        Assert.Contains("北关区人民政府2024年政府信息公开工作年度报告", page, StringComparison.Ordinal);
        Assert.Contains("北关区灯塔路街道办事处2025年政府信息公开工作年度报告", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/reports/BGQ/2024.docx\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("2026年政府信息公开工作年度报告", page, StringComparison.Ordinal);
        Assert.Contains("县级以上地方人民政府于每年3月31日前", page, StringComparison.Ordinal); // 条例 第四十九条第二款
    }

    [Fact]
    public async Task DemoReports_AreWrittenInFull()
    {
        foreach (var path in new[] { "/reports/BGQ/2024", "/reports/BGQ-05/2025" })
        {
            var page = await factory.Browser().GetStringAsync(path);
            Assert.DoesNotContain("请填写", page, StringComparison.Ordinal);
            Assert.Contains("未收取信息处理费", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ReportPage_IsTheFiledReportInTheOfficialLayout()
    {
        var client = factory.Browser();
        var page = await client.GetStringAsync("/reports/BGQ/2024");
        Assert.Contains("<table class=\"gk t3\">", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/reports/BGQ/2024.pdf\"", page, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(await client.GetStringAsync("/reports/BGQ/2024.json"));
        Assert.Equal("gongkai.annual-report/1", doc.RootElement.GetProperty("format").GetString());
        Assert.True(doc.RootElement.GetProperty("requests").GetProperty("received").GetProperty("total").GetInt32() > 0);
    }

    [Theory]
    [InlineData("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "PK")]
    [InlineData("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "PK")]
    [InlineData("pdf", "application/pdf", "%PDF")]
    public async Task ReportDownloads_AreRealFiles(string format, string contentType, string magic)
    {
        var response = await factory.Browser().GetAsync($"/reports/BGQ-05/2024.{format}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(magic, System.Text.Encoding.ASCII.GetString(bytes, 0, magic.Length));
    }

    [Fact]
    public async Task ReportDownloads_CarryAnETag_AndAVersionIsImmutable()
    {
        var client = factory.Browser();
        var latest = await client.GetAsync("/reports/BGQ-05/2024.docx");
        Assert.Equal("public, no-cache", latest.Headers.CacheControl?.ToString());
        var etag = latest.Headers.ETag;
        Assert.NotNull(etag);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/reports/BGQ-05/2024.docx");
        again.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.Http.SendAsync(again, Ct)).StatusCode);

        var pinned = await client.GetAsync("/reports/BGQ-05/2024.docx?version=1");
        Assert.Equal(HttpStatusCode.OK, pinned.StatusCode);
        Assert.Contains("immutable", pinned.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/reports/BGQ/1999")]
    [InlineData("/reports/NOPE/2024")]
    [InlineData("/reports/BGQ/2026")]
    [InlineData("/reports/BGQ/2026.docx")]
    [InlineData("/reports/BGQ/2024.exe")]
    [InlineData("/catalog/999999")]
    [InlineData("/catalog?category=99")]
    [InlineData("/guide?agency=NOPE")]
    public async Task UnknownOrUnpublished_Is404(string path)
    {
        var response = await factory.Browser().GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
