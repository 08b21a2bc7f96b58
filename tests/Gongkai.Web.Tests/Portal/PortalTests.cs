using System.Net;

namespace Gongkai.Web.Tests.Portal;

public class PortalTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _factory;

    public PortalTests(AppFactory factory) => _factory = factory;

    [Fact]
    public async Task Health_Answers200()
    {
        var response = await _factory.CreateClient().GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Home_ListsThePublishedReportsAndEachRendersInTheOfficialLayout()
    {
        var client = _factory.CreateClient();
        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("政府信息公开年报", home, StringComparison.Ordinal);
        var page = await client.GetStringAsync(new Uri("/reports/2022", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("<table class=\"gk t3\">", page, StringComparison.Ordinal);
        Assert.Contains("三、收到和处理政府信息公开申请情况", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownYear_Is404()
    {
        var response = await _factory.CreateClient().GetAsync(new Uri("/reports/1999", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
