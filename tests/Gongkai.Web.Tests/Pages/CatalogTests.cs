using System.Net;
using System.Text.RegularExpressions;

namespace Gongkai.Web.Tests.Pages;

public partial class CatalogTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Catalog_ListsPublishedItemsWithTheirIndexNumbers()
    {
        // The platform's 目录 holds every agency's items: 灯塔路街道's eight, and two of each of the other six agencies of the demo.
        var page = await factory.Browser().GetStringAsync("/catalog");
        Assert.Contains("共 20 条", page, StringComparison.Ordinal);
        Assert.Matches(IndexNumber(), page);
        Assert.Contains("共 8 条", await factory.Browser().GetStringAsync("/BGQ-05/catalog"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Catalog_FiltersByCategoryAndArea()
    {
        var client = factory.Browser();
        var social = await client.GetStringAsync("/catalog?category=11");
        Assert.Contains("共 2 条", social, StringComparison.Ordinal);
        Assert.Contains("居家养老服务中心", social, StringComparison.Ordinal);
        Assert.DoesNotContain("部门决算", social, StringComparison.Ordinal);
        var area = await client.GetStringAsync("/catalog?area=" + Uri.EscapeDataString("财政预决算"));
        Assert.Contains("共 1 条", area, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ItemPage_ShowsTheCatalogueMetadata()
    {
        var client = factory.Browser();
        var list = await client.GetStringAsync("/catalog?category=7");
        var id = ItemLink().Match(list).Groups[1].Value;
        var page = await client.GetStringAsync($"/catalog/{id}");
        foreach (var field in new[] { "索引号", "发布机构", "成文日期", "发布日期", "文号", "主题分类", "有效性", "北关区灯塔路街道办事处", "2025年度收入总计" })
        {
            Assert.Contains(field, page, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("养老服务", "居家<mark>养老服务</mark>中心")]
    [InlineData("社区", "<mark>社区</mark>")]
    [InlineData("防汛 预案", "<mark>防汛</mark>应急<mark>预案</mark>")]
    public async Task Search_FindsChineseWordsAndMarksThem(string query, string marked)
    {
        var page = await factory.Browser().GetStringAsync("/search?q=" + Uri.EscapeDataString(query));
        Assert.Contains(marked, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_WithNoMatch_SaysSo()
    {
        var page = await factory.Browser().GetStringAsync("/search?q=" + Uri.EscapeDataString("火星探测"));
        Assert.Contains("找到 0 条结果", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_FiltersByCategory()
    {
        var page = await factory.Browser().GetStringAsync("/search?q=" + Uri.EscapeDataString("灯塔路") + "&category=13");
        Assert.Contains("找到 1 条结果", page, StringComparison.Ordinal);
        Assert.Contains("安全生产检查", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_TreatsMarkupAndQuotesAsText()
    {
        var response = await factory.Browser().GetAsync("/search?q=" + Uri.EscapeDataString("<script>\"x\" OR 1=1"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("<script>\"x\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Guide_HasTheStatutoryContents()
    {
        var page = await factory.Browser().GetStringAsync("/guide?agency=BGQ-05");
        foreach (var part in new[] { "北关区灯塔路街道办事处", "办公地址", "办公时间", "联系电话", "传真号码", "互联网联系方式", "第二十九条", "20 个工作日" })
        {
            Assert.Contains(part, page, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"索引号：[0-9A-Z\-]+/\d{4}-\d{5}")]
    private static partial Regex IndexNumber();

    [GeneratedRegex("href=\"/catalog/(\\d+)\"")]
    private static partial Regex ItemLink();
}
