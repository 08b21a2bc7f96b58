using Gongkai.Documents.Reports;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Gongkai.Web.Tests.EndToEnd;

/// <summary>
/// The application on a real Kestrel port (loopback, chosen by the OS) and a headless Chromium
/// (/usr/bin/chromium, driven by Playwright) to use it as people do. Screenshots go to
/// <c>TestResults/screenshots</c> beside the test assembly, or <c>GONGKAI_SCREENSHOTS</c>.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public AppFactory App { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public string Screenshots { get; } = Environment.GetEnvironmentVariable("GONGKAI_SCREENSHOTS")
        ?? Path.Combine(AppContext.BaseDirectory, "screenshots");

    private IPlaywright? _playwright;

    public async ValueTask InitializeAsync()
    {
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ReportPdfWriter.ChromiumExecutable, Args = ReportPdfWriter.ChromiumArgs });
        Directory.CreateDirectory(Screenshots);
    }

    /// <summary>A fresh browser profile (its own cookies), as a separate person would have.</summary>
    public async Task<IPage> PersonAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "zh-CN", ViewportSize = new() { Width = 1280, Height = 900 } });
        return await context.NewPageAsync();
    }

    public async Task<IPage> StaffAsync(string role, string agencyId, string? name = null)
    {
        var userName = await App.CreateStaffAsync(role, agencyId, name);
        var page = await PersonAsync();
        await page.GotoAsync("/login");
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", AppFactory.Password);
        await page.ClickAsync("form.stack button[type=submit]");
        if (App.CodeFor(userName) is not null)
        {
            await page.WaitForURLAsync("**/login/two-factor**", new() { Timeout = 60_000 });
            await page.FillAsync("#code", App.CodeFor(userName)!);
            await page.ClickAsync("form.stack button[type=submit]");
        }

        try
        {
            await page.WaitForURLAsync("**/admin", new() { Timeout = 60_000 });
        }
        catch (TimeoutException e)
        {
            throw new InvalidOperationException($"sign-in as {role} did not reach /admin; at {page.Url}: {await page.InnerTextAsync("main")}", e);
        }

        return page;
    }

    public Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}
