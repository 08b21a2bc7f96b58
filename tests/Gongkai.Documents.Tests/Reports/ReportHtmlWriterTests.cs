using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Gongkai.Core.Reports;
using Gongkai.Core.Statute;
using Gongkai.Documents.Reports;
using Gongkai.Testing;

namespace Gongkai.Documents.Tests.Reports;

public class ReportHtmlWriterTests
{
    private static IDocument Render(AnnualReport report) => new HtmlParser().ParseDocument(ReportHtmlWriter.Write(report));

    private static IElement Table(IDocument doc, string cls) => doc.QuerySelector($"table.{cls}") ?? throw new InvalidOperationException(cls);

    private static int Attr(IElement e, string name) => int.Parse(e.GetAttribute(name) ?? "1", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(Edition.V2019, 23)]
    [InlineData(Edition.V2021, 25)]
    public void Table3_HasOneBodyRowPerDataRowWithSevenNumbers(Edition edition, int rows)
    {
        var report = ReportGenerator.Consistent(new Random(1), edition);
        var body = Table(Render(report), "t3").QuerySelectorAll("tbody tr");
        Assert.Equal(rows, body.Length);
        Assert.All(body, tr => Assert.Equal(7, tr.QuerySelectorAll("td.num").Length));

        var expected = RequestTable.Rows(edition).Select(r => report.Requests![r]!.Select(v => v!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(expected, body.Select(tr => tr.QuerySelectorAll("td.num").Select(td => td.TextContent)));
    }

    [Theory]
    [InlineData(Edition.V2019)]
    [InlineData(Edition.V2021)]
    public void Table3_HeaderCarriesTheOfficialMerges(Edition edition)
    {
        var table = Table(Render(AnnualReport.Blank(2022, edition)), "t3");
        var head = table.QuerySelectorAll("thead tr");
        Assert.Equal(3, head.Length);
        var note = head[0].Children[0];
        Assert.Equal((3, 3), (Attr(note, "colspan"), Attr(note, "rowspan")));
        Assert.Contains("勾稽关系", note.TextContent, StringComparison.Ordinal);
        Assert.Equal(("申请人情况", 7), (head[0].Children[1].TextContent, Attr(head[0].Children[1], "colspan")));
        Assert.Equal(("自然人", 2), (head[1].Children[0].TextContent, Attr(head[1].Children[0], "rowspan")));
        Assert.Equal(("法人或其他组织", 5), (head[1].Children[1].TextContent, Attr(head[1].Children[1], "colspan")));
        Assert.Equal(("总计", 2), (head[1].Children[2].TextContent, Attr(head[1].Children[2], "rowspan")));
        Assert.Equal(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"], head[2].Children.Select(c => c.TextContent));
    }

    [Theory]
    [InlineData(Edition.V2019, 20, 1)]
    [InlineData(Edition.V2021, 22, 3)]
    public void Table3_BodyGroupsAreMergedVertically(Edition edition, int resultRows, int otherRows)
    {
        var body = Table(Render(AnnualReport.Blank(2022, edition)), "t3").QuerySelectorAll("tbody tr");
        var results = body[2].Children[0];
        Assert.Equal(RequestTable.ResultsHeader, results.TextContent);
        Assert.Equal(resultRows, Attr(results, "rowspan"));
        Assert.Equal(3, Attr(body[0].Children[0], "colspan"));
        Assert.Equal(2, Attr(body[2].Children[1], "colspan")); // （一）予以公开

        var withheld = body.SelectMany(tr => tr.Children).Single(td => td.TextContent == RequestTable.GroupWithheld);
        Assert.Equal(8, Attr(withheld, "rowspan"));
        var unavailable = body.SelectMany(tr => tr.Children).Single(td => td.TextContent == RequestTable.GroupUnavailable);
        Assert.Equal(3, Attr(unavailable, "rowspan"));
        var other = body.SelectMany(tr => tr.Children).Single(td => td.TextContent == RequestTable.GroupOtherHandling);
        Assert.Equal(otherRows, Attr(other, otherRows == 1 ? "rowspan" : "rowspan"));
        if (otherRows == 1)
        {
            Assert.Equal(2, Attr(other, "colspan"));
        }

        // Every body row spans the same 10 grid columns once merges are accounted for.
        var grid = new int[body.Length];
        for (var r = 0; r < body.Length; r++)
        {
            foreach (var cell in body[r].Children)
            {
                for (var k = 0; k < Attr(cell, "rowspan"); k++)
                {
                    grid[r + k] += Attr(cell, "colspan");
                }
            }
        }

        Assert.All(grid, width => Assert.Equal(10, width));
    }

    [Fact]
    public void Table4_HasThreeHeaderRowsAnd15Cells()
    {
        var report = ReportGenerator.Consistent(new Random(2), Edition.V2021);
        var table = Table(Render(report), "t4");
        var head = table.QuerySelectorAll("thead tr");
        Assert.Equal(("行政复议", 5), (head[0].Children[0].TextContent, Attr(head[0].Children[0], "colspan")));
        Assert.Equal(("行政诉讼", 10), (head[0].Children[1].TextContent, Attr(head[0].Children[1], "colspan")));
        Assert.Equal(5, head[1].Children.Count(c => Attr(c, "rowspan") == 2));
        Assert.Equal(["未经复议直接起诉", "复议后起诉"], head[1].Children.Where(c => Attr(c, "colspan") == 5).Select(c => c.TextContent));
        Assert.Equal(10, head[2].Children.Length);
        var cells = table.QuerySelectorAll("tbody td");
        Assert.Equal(15, cells.Length);
        var expected = AppealTable.Groups.SelectMany(g => AppealTable.Columns.Select(c => report.Appeals!.Cell(g, c)!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(expected, cells.Select(c => c.TextContent));
    }

    [Theory]
    [InlineData(Edition.V2019, "本年新制作数量", "第二十条第（九）项")]
    [InlineData(Edition.V2021, "本年制发件数", "第二十条第（八）项")]
    public void Table2_BlocksWithTheirColumnHeaders(Edition edition, string firstColumn, string lastBlock)
    {
        var table = Table(Render(AnnualReport.Blank(2022, edition)), "t2");
        var headers = table.QuerySelectorAll("th").Select(th => th.TextContent).ToArray();
        Assert.Contains(firstColumn, headers);
        Assert.Equal(lastBlock, table.QuerySelectorAll("th[colspan='4']").Last().TextContent);
        Assert.All(table.QuerySelectorAll("tr"), tr => Assert.Equal(4, tr.Children.Sum(c => Attr(c, "colspan"))));
    }

    [Fact]
    public void Page_HasAllSixSectionsTitleAndA4PrintRules()
    {
        var report = ReportGenerator.Consistent(new Random(4), Edition.V2021);
        var html = ReportHtmlWriter.Write(report);
        var doc = new HtmlParser().ParseDocument(html);
        Assert.Equal(ReportSections.All, doc.QuerySelectorAll("h2").Select(h => h.TextContent));
        Assert.Equal($"{report.Agency}{report.Year}年政府信息公开工作年度报告", doc.QuerySelector("h1")!.TextContent);
        Assert.Contains("size: A4", html, StringComparison.Ordinal);
        Assert.Equal("zh-CN", doc.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public void Narrative_IsEscaped()
    {
        var report = AnnualReport.Blank(2022, Edition.V2021);
        report.Sections = new ReportNarrative("<script>alert(1)</script>", null, null);
        var doc = Render(report);
        Assert.Empty(doc.QuerySelectorAll("script"));
        Assert.Contains("<script>", doc.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void BlankCellsStayEmpty_NotZero()
    {
        var doc = Render(AnnualReport.Blank(2022, Edition.V2021));
        Assert.All(Table(doc, "t3").QuerySelectorAll("td.num"), td => Assert.Equal("", td.TextContent));
    }
}
