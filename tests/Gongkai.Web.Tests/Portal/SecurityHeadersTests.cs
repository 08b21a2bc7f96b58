using System.Net;

namespace Gongkai.Web.Tests.Portal;

public class SecurityHeadersTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/catalog")]
    [InlineData("/apply")]
    [InlineData("/reports/BGQ/2024")]
    [InlineData("/login")]
    [InlineData("/no-such-page")]
    public async Task EveryPage_CarriesTheSecurityHeaders(string path)
    {
        var response = await factory.Browser().GetAsync(path);
        Assert.Contains("frame-ancestors 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(response.Headers.Contains("Referrer-Policy"));
        Assert.True(response.Headers.Contains("Permissions-Policy"));
    }

    [Fact]
    public async Task PersonalData_IsNeverCached()
    {
        var number = await Pages.ApplyFormTests.ApplyAsync(factory.Browser(), Pages.ApplyFormTests.Valid(phone: "13700001111"));
        var track = await factory.Browser().GetAsync($"/api/applications/{number}?phone=13700001111");
        Assert.Equal(HttpStatusCode.OK, track.StatusCode);
        Assert.True(track.Headers.CacheControl?.NoStore);
        Assert.False((await factory.Browser().GetAsync("/catalog")).Headers.CacheControl?.NoStore ?? false);
    }
}
