using System.Net;
using System.Text.Json;

namespace Gongkai.Web.Tests.Portal;

public class PortalTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _factory;

    public PortalTests(AppFactory factory) => _factory = factory;

    private static Uri U(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task Health_Answers200WhenTheDatabaseAnswers()
    {
        var response = await _factory.CreateClient().GetAsync(U("/health"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Home_ListsTheSeededDistrictsReports()
    {
        var home = await _factory.CreateClient().GetStringAsync(U("/"), TestContext.Current.CancellationToken);
        Assert.Contains("北关区人民政府2024年政府信息公开工作年度报告", home, StringComparison.Ordinal);
        Assert.Contains("北关区灯塔路街道办事处", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportPage_IsGeneratedFromTheRecordsInTheOfficialLayout()
    {
        var client = _factory.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        var page = await client.GetStringAsync(U("/reports/BGQ/2024"), ct);
        Assert.Contains("<table class=\"gk t3\">", page, StringComparison.Ordinal);
        var json = await client.GetStringAsync(U("/reports/BGQ/2024.json"), ct);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal("gongkai.annual-report/1", doc.RootElement.GetProperty("format").GetString());
        Assert.True(doc.RootElement.GetProperty("requests").GetProperty("received").GetProperty("total").GetInt32() > 0);
    }

    [Theory]
    [InlineData("/reports/BGQ/1999")]
    [InlineData("/reports/NOPE/2024")]
    public async Task Unknown_Is404(string path)
    {
        var response = await _factory.CreateClient().GetAsync(U(path), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
