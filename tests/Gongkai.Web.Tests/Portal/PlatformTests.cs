using System.Net;
using System.Xml.Linq;
using System.Net.Http.Json;
using Gongkai.Data.Agencies;
using Gongkai.Data.Model;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Portal;

/// <summary>One installation, every agency its own 政府信息公开专栏 under /{agencyId}/ (集约化).</summary>
public class PlatformTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> AgencyRoutes => new("", "/catalog", "/guide", "/reports", "/search?q=" + Uri.EscapeDataString("供暖"), "/apply");

    private async Task AddAgencyAsync(string id, string name, string parent)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        if (!db.Agencies.Any(a => a.Id == id))
        {
            Assert.Empty(await new AgencyDirectory(db).SaveAsync(new AgencyInput(id, name, parent, null, Address: "北关区新城路8号"), "test", Ct));
        }
    }

    [Theory]
    [MemberData(nameof(AgencyRoutes))]
    public async Task AnAgencyWithNothingPublished_HasEveryPage_WithItsNameAndChineseEmptyStates(string route)
    {
        await AddAgencyAsync("BGQ-90", "北关区新城街道办事处", "BGQ");
        var response = await factory.Browser().GetAsync("/BGQ-90" + route);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("北关区人民政府</a> › ", page, StringComparison.Ordinal);
        Assert.Contains("id=\"agency-name\">北关区新城街道办事处</a>", page, StringComparison.Ordinal);
        if (route is "" or "/catalog" or "/reports")
        {
            Assert.Matches("暂无主动公开信息|暂无符合条件的主动公开信息|尚未发布年度报告", page);
        }

        if (route.StartsWith("/search", StringComparison.Ordinal))
        {
            Assert.Contains("找到 0 条结果", page, StringComparison.Ordinal);
            Assert.Contains("全平台", page, StringComparison.Ordinal);
        }

        if (route == "/guide")
        {
            Assert.Contains("北关区新城路8号", page, StringComparison.Ordinal);
        }

        if (route == "/apply")
        {
            Assert.Contains("<option value=\"BGQ-90\" selected=\"selected\">", page, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(AgencyRoutes))]
    public async Task AnUnknownAgency_Is404(string route)
    {
        var response = await factory.Browser().GetAsync("/NO-SUCH" + route);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("页面不存在", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/catalog")]
    [InlineData("/guide")]
    [InlineData("/reports")]
    [InlineData("/search?q=低保")]
    [InlineData("/apply")]
    [InlineData("/track")]
    public async Task TheOldRoutes_StillServeThePlatform(string route)
    {
        var page = await factory.Browser().GetStringAsync(route);
        Assert.DoesNotContain("id=\"agency-path\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAgencysCatalog_ShowsOnlyItsItems_AndAnotherAgencysItemIs404There()
    {
        var client = factory.Browser();
        var own = await client.GetStringAsync("/BGQ-06/catalog");
        Assert.Contains("北关区滨河街道办事处机构职能", own, StringComparison.Ordinal);
        Assert.DoesNotContain("灯塔路", own, StringComparison.Ordinal);
        var id = System.Text.RegularExpressions.Regex.Match(own, "href=\"/BGQ-06/catalog/(\\d+)\"").Groups[1].Value;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/BGQ-06/catalog/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/BGQ-05/catalog/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/catalog/{id}")).StatusCode);

        var agencySearch = await client.GetStringAsync("/BGQ-06/search?q=" + Uri.EscapeDataString("机构职能"));
        Assert.Contains("找到 1 条结果", agencySearch, StringComparison.Ordinal);
        var platformSearch = await client.GetStringAsync("/BGQ-06/search?scope=all&q=" + Uri.EscapeDataString("机构职能"));
        Assert.Contains("找到 7 条结果", platformSearch, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHome_GroupsTheAgencies_WithThisYearsFigures()
    {
        var home = await factory.Browser().GetStringAsync("/");
        foreach (var group in new[] { "人民政府", "政府部门", "街道办事处、乡镇人民政府" })
        {
            Assert.Contains($"<h3>{group}</h3>", home, StringComparison.Ordinal);
        }

        Assert.Contains("<a href=\"/BGQ-05\">北关区灯塔路街道办事处</a>", home, StringComparison.Ordinal);
        Assert.Contains("年度</a>（", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyingFromAStreetsColumn_ReachesItsStaffAndThoseAbove_NotASibling()
    {
        var response = await factory.Browser().PostFormAsync("/BGQ-06/apply", [.. Pages.ApplyFormTests.Valid(phone: "13400001111").Where(f => f.Item1 != "AgencyId"), ("AgencyId", "BGQ-06")]);
        var number = Pages.ApplyFormTests.TrackingNumber().Match(await response.Content.ReadAsStringAsync(Ct)).Groups[1].Value;
        Assert.NotEmpty(number);

        Assert.Equal(HttpStatusCode.OK, (await (await factory.SignedInAsync("经办人", "BGQ-06")).GetAsync($"/admin/cases/{number}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await factory.SignedInAsync("经办人", "BGQ")).GetAsync($"/admin/cases/{number}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await factory.SignedInAsync("经办人", "BGQ-05")).GetAsync($"/admin/cases/{number}")).StatusCode);
    }

    [Fact]
    public async Task AnAgencyThatTakesNoOnlineApplications_IsRefusedByName()
    {
        var admin = await factory.SignedInAsync("管理员", "BGQ-02");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/agency?id=BGQ-02", ("Id", "BGQ-02"), ("AnswerReview", "withheld-only"),
            ("Channels", "in-person"), ("Channels", "registered-post"), ("PostalCode", "050000"), ("Email", "gk@example.gov.cn"))).StatusCode);
        var guide = await factory.Browser().GetStringAsync("/BGQ-02/guide");
        Assert.Contains("id=\"guide-channels\">当面、邮寄-挂号<", guide, StringComparison.Ordinal);
        Assert.Contains("050000", guide, StringComparison.Ordinal);

        var api = await factory.CreateClient().PostAsJsonAsync(WebClient.U("/api/applications"), new
        {
            agencyId = "BGQ-02", applicantType = "natural", name = "张三", idNumber = "11010519491231002X", phone = "13400002222",
            description = "申请公开市场监管执法检查计划", consent = true,
        }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Contains("不接受网上申请", await api.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var bad = await admin.PostFormAsync("/admin/agency?id=BGQ-02", ("Id", "BGQ-02"), ("AnswerReview", "withheld-only"), ("PostalCode", "5000"), ("Website", "ftp://x"));
        var text = await bad.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("至少选择一种受理渠道", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAgencysPages_AreCached_AndEvictedWhenItPublishes()
    {
        var before = await factory.Browser().GetStringAsync("/BGQ-03/catalog");
        Assert.Contains("共 2 条", before, StringComparison.Ordinal);
        // Written behind the workspace's back: the cached page does not see it.
        await factory.PublishAsync(new Gongkai.Data.Publishing.PublicationInput("BGQ-03", "住建局2026年老旧小区改造计划", "计划改造老旧小区12个。", 10, null, null, null, factory.Today));

        Assert.Contains("共 2 条", await factory.Browser().GetStringAsync("/BGQ-03/catalog"), StringComparison.Ordinal);
        await Gongkai.Web.Features.Portal.PortalCache.EvictAsync(factory.Services.GetRequiredService<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>(), Ct);
        Assert.Contains("共 3 条", await factory.Browser().GetStringAsync("/BGQ-03/catalog"), StringComparison.Ordinal);
    }

    /// <summary>The cache answers before authentication: a signed-in request is neither served the public copy nor stored as it.</summary>
    [Fact]
    public async Task SignedInStaff_AreNeverServedOrStoredAsTheCachedPublicPage()
    {
        Assert.Contains(">工作人员登录<", await factory.Browser().GetStringAsync("/BGQ-04/catalog"), StringComparison.Ordinal);

        var clerk = await factory.SignedInAsync("经办人", "BGQ-04");
        Assert.Contains(">进入工作台<", await clerk.GetStringAsync("/BGQ-04/catalog"), StringComparison.Ordinal);

        Assert.Contains(">工作人员登录<", await factory.Browser().GetStringAsync("/BGQ-04/catalog"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSupervisionView_CountsEachAgencysOverdueCases_AndExports()
    {
        var clerk = await factory.SignedInAsync("经办人", "BGQ-01");
        var receivedOn = factory.Today.AddDays(-60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var registered = await clerk.PostFormAsync("/admin/cases/new", ("Channel", "InPerson"), ("ReceivedOn", receivedOn), ("AgencyId", "BGQ-01"),
            ("ApplicantType", "natural"), ("Name", "赵六"), ("IdNumber", "11010519491231002X"), ("Phone", "13400003333"), ("Description", "申请公开2026年学区划分方案"));
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);

        var office = await factory.SignedInAsync("经办人", "BGQ");
        var page = await office.GetStringAsync("/admin/supervision");
        var row = System.Text.RegularExpressions.Regex.Match(page, "<tr id=\"agency-BGQ-01\">(.*?)</tr>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("北关区教育局", row, StringComparison.Ordinal);
        Assert.Matches("state=red\">[1-9]", row);
        Assert.Contains("<tr id=\"agency-BGQ-06\">", page, StringComparison.Ordinal);
        Assert.Contains("北关区教育局", await office.GetStringAsync("/admin?agency=BGQ-01&state=red"), StringComparison.Ordinal);

        var xlsx = await office.GetAsync("/admin/supervision?handler=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(Ct)), false);
        var text = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.InnerText;
        Assert.Contains("北关区教育局", text, StringComparison.Ordinal);
        Assert.Contains("已超期", text, StringComparison.Ordinal);

        var street = await factory.SignedInAsync("经办人", "BGQ-05");
        Assert.StartsWith("/denied", (await street.GetAsync("/admin/supervision")).Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAtomFeeds_AndTheSitemap_ListWhatIsPublished()
    {
        var client = factory.Browser();
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var platform = System.Xml.Linq.XDocument.Parse(await client.GetStringAsync("/feed.atom"));
        Assert.Equal(atom + "feed", platform.Root!.Name);
        Assert.Contains(platform.Root.Elements(atom + "entry"), e => e.Element(atom + "title")!.Value.Contains("最低生活保障", StringComparison.Ordinal));

        var agency = System.Xml.Linq.XDocument.Parse(await client.GetStringAsync("/BGQ-06/feed.atom"));
        var titles = agency.Root!.Elements(atom + "entry").Select(e => e.Element(atom + "title")!.Value).ToArray();
        Assert.Equal(2, titles.Length);
        Assert.All(titles, t => Assert.StartsWith("北关区滨河街道办事处", t, StringComparison.Ordinal));
        Assert.All(agency.Root.Elements(atom + "entry"), e => Assert.Contains("/BGQ-06/catalog/", e.Element(atom + "id")!.Value, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/NO-SUCH/feed.atom")).StatusCode);

        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var sitemap = System.Xml.Linq.XDocument.Parse(await client.GetStringAsync("/sitemap.xml"));
        var locs = sitemap.Root!.Elements(sm + "url").Select(u => u.Element(sm + "loc")!.Value).ToArray();
        Assert.Contains(locs, l => l.EndsWith("/BGQ-05/guide", StringComparison.Ordinal));
        Assert.Contains(locs, l => l.EndsWith("/reports/BGQ/2025", StringComparison.Ordinal));
        Assert.True(locs.Count(l => l.Contains("/catalog/", StringComparison.Ordinal)) >= 20); // every published item (another test of this class may publish one more)
        Assert.Contains("<link rel=\"alternate\" type=\"application/atom+xml\"", await client.GetStringAsync("/BGQ-06"), StringComparison.Ordinal);
    }
}
