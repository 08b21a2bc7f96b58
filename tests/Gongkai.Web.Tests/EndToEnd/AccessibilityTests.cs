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
        var paths = new List<string> { "/admin", "/admin/cases/new", "/admin/publications", "/admin/publications/new", "/admin/suggestions", "/account/notifications" };
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
}
