using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Web.Tests.Pages;

namespace Gongkai.Web.Tests.Api;

public class ApiTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

    [Fact]
    public async Task Publications_SearchAndItem()
    {
        var client = factory.Browser();
        var page = await JsonAsync(await client.GetAsync("/api/publications?q=" + Uri.EscapeDataString("养老服务")));
        Assert.Equal(1, page.GetProperty("total").GetInt32());
        var item = page.GetProperty("items")[0];
        Assert.Matches(@"/\d{4}-\d{5}$", item.GetProperty("indexNumber").GetString()!);
        var full = await JsonAsync(await client.GetAsync($"/api/publications/{item.GetProperty("id").GetInt64()}"));
        Assert.Contains("助餐", full.GetProperty("body").GetString()!, StringComparison.Ordinal);

        var missing = await client.GetAsync("/api/publications/999999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Equal("未找到", (await JsonAsync(missing)).GetProperty("title").GetString());
        var bad = await client.GetAsync("/api/publications?q=" + new string('字', 101));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await JsonAsync(bad)).GetProperty("errors").TryGetProperty("q", out _));
    }

    [Fact]
    public async Task Reports_ListAndTheFiledReport()
    {
        var client = factory.Browser();
        var list = await JsonAsync(await client.GetAsync("/api/reports"));
        Assert.Contains(list.EnumerateArray(), r => r.GetProperty("agencyId").GetString() == "BGQ" && r.GetProperty("year").GetInt32() == 2024);
        var report = await JsonAsync(await client.GetAsync("/api/reports/BGQ/2024"));
        Assert.Equal("gongkai.annual-report/1", report.GetProperty("format").GetString());
        Assert.Equal("2021", report.GetProperty("edition").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/reports/BGQ/2026")).StatusCode);
    }

    [Fact]
    public async Task Cases_NeedASignIn_AndStayWithinTheAgency()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.Browser().GetAsync("/api/cases")).StatusCode);
        var ours = await ApplyFormTests.ApplyAsync(factory.Browser(), ApplyFormTests.Valid());
        var clerk = await factory.SignedInAsync("经办人", "BGQ-05");
        var list = await JsonAsync(await clerk.GetAsync("/api/cases"));
        Assert.Contains(list.EnumerateArray(), c => c.GetProperty("trackingNumber").GetString() == ours);
        Assert.All(list.EnumerateArray(), c => Assert.Equal("BGQ-05", c.GetProperty("agencyId").GetString()));

        var other = await factory.SignedInAsync("经办人", "BGQ-01");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/cases/{ours}")).StatusCode);
    }

    [Fact]
    public async Task EmailAndAddress_AreKept_AndShownToStaff_InTheApi_AndInTheAnswer()
    {
        var number = await ApplyFormTests.ApplyAsync(factory.Browser(), [.. ApplyFormTests.Valid(), ("Email", "li.si@example.cn"), ("Address", "北关区灯塔路88号3单元")]);
        var clerk = await factory.SignedInAsync("经办人", "BGQ-05");
        var page = await clerk.GetStringAsync($"/admin/cases/{number}");
        Assert.Contains("<td id=\"case-email\">l***@example.cn</td>", page, StringComparison.Ordinal); // masked until revealed
        Assert.Contains("<td id=\"case-address\">北关区灯塔路……</td>", page, StringComparison.Ordinal);
        var revealed = await (await clerk.PostFormAsync($"/admin/cases/{number}", Array.Empty<(string Key, string Value)>(), withToken: true, action: $"/admin/cases/{number}?handler=reveal")).Content.ReadAsStringAsync(Ct);
        Assert.Contains("<td id=\"case-email\">li.si@example.cn</td>", revealed, StringComparison.Ordinal);
        Assert.Contains("<td id=\"case-address\">北关区灯塔路88号3单元</td>", revealed, StringComparison.Ordinal);

        var detail = await JsonAsync(await clerk.GetAsync($"/api/cases/{number}"));
        Assert.Equal("li.si@example.cn", detail.GetProperty("email").GetString());
        Assert.Equal("北关区灯塔路88号3单元", detail.GetProperty("address").GetString());

        Assert.Equal(HttpStatusCode.OK, (await clerk.Http.PostAsJsonAsync(WebClient.U($"/api/cases/{number}/events"), new { kind = "decided", outcome = "Disclosed" }, Ct)).StatusCode);
        var letter = await clerk.GetAsync($"/admin/cases/{number}?handler=letter&kind=decision");
        using var docx = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await letter.Content.ReadAsByteArrayAsync(Ct)), false);
        Assert.Contains("送达地址：北关区灯塔路88号3单元；电子邮箱：li.si@example.cn。", docx.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CaseEvents_GoThroughTheLedgerAndTheRoles()
    {
        var number = await ApplyFormTests.ApplyAsync(factory.Browser(), ApplyFormTests.Valid());
        var clerk = await factory.SignedInAsync("经办人", "BGQ-05");
        var refused = await clerk.Http.PostAsJsonAsync(WebClient.U($"/api/cases/{number}/events"), new { kind = "correction-received" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("补正", (await JsonAsync(refused)).GetProperty("detail").GetString()!, StringComparison.Ordinal);

        var forbidden = await clerk.Http.PostAsJsonAsync(WebClient.U($"/api/cases/{number}/events"), new { kind = "extension-approved", workdays = 10 }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        var decided = await clerk.Http.PostAsJsonAsync(WebClient.U($"/api/cases/{number}/events"), new { kind = "decided", outcome = "NotHeld" }, Ct);
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.Equal("已答复", (await JsonAsync(decided)).GetProperty("status").GetString());
        var detail = await JsonAsync(await clerk.GetAsync($"/api/cases/{number}"));
        Assert.Equal(["received", "decided"], detail.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("kind").GetString()!).ToArray());
    }

    [Fact]
    public async Task OpenApi_DocumentsEveryApiRoute()
    {
        var doc = await factory.Browser().GetStringAsync("/openapi/v1.json");
        foreach (var path in new[] { "/api/applications", "/api/applications/{trackingNumber}", "/api/publications", "/api/publications/{id}", "/api/reports", "/api/reports/{agencyId}/{year}", "/api/cases", "/api/cases/{trackingNumber}", "/api/cases/{trackingNumber}/events" })
        {
            Assert.Contains($"\"{path}\"", doc, StringComparison.Ordinal);
        }
    }
}
