using System.Text.Json;
using Microsoft.Playwright;

namespace Gongkai.Web.Tests.EndToEnd;

/// <summary>
/// axe-core 4.14.1 (npm, in the test project's package.json) run in real Chromium on the public pages:
/// no serious or critical violation (WCAG 2.1 AA rules; GB/T 37668-2019 follows WCAG 2.0).
/// </summary>
[Collection("browser")]
public class AccessibilityTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    private static readonly string Axe = Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js");

    [Fact]
    public async Task PublicPages_HaveNoSeriousOrCriticalViolation()
    {
        Assert.True(File.Exists(Axe), $"axe-core missing at {Axe} (npm ci in tests/Gongkai.Web.Tests)");
        // The site's Content-Security-Policy forbids injected scripts, rightly; the audit context bypasses it.
        var context = await fx.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fx.BaseUrl, Locale = "zh-CN", BypassCSP = true, ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/catalog");
        var item = await page.GetAttributeAsync(".hit h3 a >> nth=0", "href");
        var found = new List<string>();
        foreach (var path in new[] { "/", "/catalog", item!, "/search?q=" + Uri.EscapeDataString("养老"), "/guide", "/reports", "/reports/BGQ/2025", "/apply", "/track", "/BGQ-05" })
        {
            await page.GotoAsync(path);
            if (await page.Locator("meta[name=viewport]").CountAsync() != 1)
            {
                found.Add($"{path}: no viewport meta (a phone would lay it out 980 px wide)");
            }

            await page.AddScriptTagAsync(new() { Path = Axe });
            var violations = await page.EvaluateAsync<JsonElement>(
                "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))");
            found.AddRange(violations.EnumerateArray().Select(v => $"{path}: {v.GetString()}"));
        }

        await context.CloseAsync();
        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    [Fact]
    public async Task WorkspacePages_HaveNoSeriousOrCriticalViolation()
    {
        var context = await fx.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fx.BaseUrl, Locale = "zh-CN", BypassCSP = true, ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var userName = await fx.App.CreateStaffAsync("经办人", "BGQ-05");
        await page.GotoAsync("/login");
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", AppFactory.Password);
        await page.ClickAsync("form.stack button[type=submit]");
        await page.WaitForURLAsync("**/admin");
        var found = new List<string>();
        var paths = new List<string> { "/admin", "/admin/cases/new", "/admin/publications", "/admin/publications/new", "/admin/suggestions", "/admin/problems", "/account/notifications" };
        // An open case (its page carries every action form) and a closed one.
        await page.GotoAsync("/apply");
        await page.SelectOptionAsync("#agencyId", "BGQ-05");
        await page.FillAsync("#name", "无障碍");
        await page.FillAsync("#idNumber", "11010519491231002X");
        await page.FillAsync("#phone", "13100001111");
        await page.FillAsync("#description", "申请公开灯塔路街道无障碍设施改造清单");
        await page.CheckAsync("#consent");
        await page.ClickAsync("form.stack button[type=submit]");
        paths.Add("/admin/cases/" + (await page.InnerTextAsync("#tracking-number")).Trim());
        await page.GotoAsync("/admin?view=closed");
        paths.Add((await page.GetAttributeAsync("table a[href^='/admin/cases/'] >> nth=0", "href"))!);
        foreach (var path in paths)
        {
            await page.GotoAsync(path);
            await page.AddScriptTagAsync(new() { Path = Axe });
            var violations = await page.EvaluateAsync<JsonElement>(
                "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))");
            found.AddRange(violations.EnumerateArray().Select(v => $"{path}: {v.GetString()}"));
        }

        await context.CloseAsync();
        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    /// <summary>
    /// WCAG 1.4.10 reflow: at 320 CSS px nothing scrolls sideways but a table inside its own region; the report's
    /// tables have captions, row headers and a focusable scroll region; 长者模式 raises the text size, is kept across
    /// pages (a cookie, not a cached page of the other mode) and can be left again.
    /// </summary>
    [Fact]
    public async Task PublicPages_ReflowAt320Px_ReportTablesHaveHeaders_AndElderModeIsKept()
    {
        var context = await fx.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fx.BaseUrl, Locale = "zh-CN", ViewportSize = new() { Width = 320, Height = 640 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/catalog");
        var item = await page.GetAttributeAsync(".hit h3 a >> nth=0", "href");
        var wide = new List<string>();
        foreach (var path in new[] { "/", "/catalog", item!, "/search?q=" + Uri.EscapeDataString("养老"), "/guide", "/reports", "/reports/BGQ/2025", "/apply", "/track", "/BGQ-05" })
        {
            await page.GotoAsync(path);
            var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            if (width > 320)
            {
                var culprit = await page.EvaluateAsync<string>("() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 321 && !e.closest('.table-scroll, table')).slice(0, 3).map(e => e.tagName + '.' + e.className).join(', ')");
                wide.Add($"{path}: {width} px wide ({culprit})");
            }
        }

        Assert.True(wide.Count == 0, string.Join("\n", wide));

        await page.GotoAsync("/reports/BGQ/2025");
        Assert.Equal(3, await page.Locator(".table-scroll[role=region][tabindex='0'] > table > caption").CountAsync());
        Assert.True(await page.Locator("table.t3 th[scope=row]").CountAsync() >= 20);
        Assert.Equal(7, await page.Locator("table.t3 thead th[scope=col]").CountAsync());

        async Task<double> RootSizeAsync() => await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.documentElement).fontSize)");
        await page.GotoAsync("/catalog");
        var standard = await RootSizeAsync();
        await page.ClickAsync("#display-mode");
        await page.WaitForURLAsync("**/catalog");
        Assert.Equal("elder", await page.GetAttributeAsync("html", "class"));
        Assert.Equal(standard * 1.25, await RootSizeAsync(), 1);
        await page.GotoAsync("/guide");
        Assert.Equal("退出长者模式", (await page.InnerTextAsync("#display-mode")).Trim());
        await fx.ShotAsync(page, "21-elder-mode-320px");
        var other = await (await fx.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fx.BaseUrl })).NewPageAsync();
        await other.GotoAsync("/guide");
        Assert.Null(await other.GetAttributeAsync("html", "class"));
        await page.ClickAsync("#display-mode");
        await page.WaitForURLAsync("**/guide");
        Assert.Null(await page.GetAttributeAsync("html", "class"));
        await context.CloseAsync();
        await other.Context.CloseAsync();
    }

    /// <summary>The serious and critical axe-core violations on the page as it is now (the page's context must bypass the CSP).</summary>
    internal static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new() { Path = Axe });
        var violations = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))");
        return violations.EnumerateArray().Select(v => $"{page.Url}: {v.GetString()}").ToArray();
    }
}
