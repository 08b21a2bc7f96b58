using System.Text;
using Gongkai.Core.Reports;
using Gongkai.Core.Statute;

namespace Gongkai.Documents.Tests.Reading;

/// <summary>The forms crawlers and browsers save report pages in.</summary>
public enum CrawledForm
{
    /// <summary>The whole page on one line, nodes joined by single spaces.</summary>
    OneLineSpaces,

    /// <summary>The whole page on one line with no separator at all.</summary>
    OneLineGlued,

    /// <summary>Crawler metadata lines, then site chrome and the page on one line (spaces).</summary>
    MetadataAndChrome,

    /// <summary>One table cell per line, cells separated by two blank lines, rows by four; a blank cell is one more gap.</summary>
    CellPerLine,

    /// <summary>HTML tables turned into tab-separated text: an empty field is a blank cell.</summary>
    TabsWithBlankCells,
}

/// <summary>Renders a report in the crawled forms, from the tab layout (whose empty fields are blank cells).</summary>
public static class CrawledFormRenderer
{
    public static string Render(AnnualReport report, CrawledForm form, Random random)
    {
        var tabs = ReportTextRenderer.Render(report, TextLayout.Tabs, random);
        var lines = tabs.Split('\n').Where(l => l.Trim().Length > 0).ToArray();
        var spaced = string.Join(' ', lines.Select(l => string.Join(' ', l.Split('\t').Where(c => c.Length > 0))));
        return form switch
        {
            CrawledForm.OneLineSpaces => spaced,
            CrawledForm.OneLineGlued => string.Concat(lines.Select(l => string.Concat(l.Split('\t')))),
            CrawledForm.MetadataAndChrome =>
                $"标题: {ReportSections.Title(report.Agency, report.Year)}\n发布时间: {report.Year + 1}-01-20 10:00\n文号: \n原文链接: https://www.example.gov.cn/zwgk/nb/{report.Year}.htm\n==================== 正文 ====================\n"
                + "当前位置： 首页 政务公开 政府信息公开年报 来源：本网 时间：2025-01-20 微信 微博 全真版 文字版 打印 "
                + spaced
                + " 附件下载 【关闭】 【打印】",
            CrawledForm.CellPerLine => CellPerLine(lines),
            CrawledForm.TabsWithBlankCells => tabs,
        };
    }

    /// <summary>Blanks cells at random (the report then has blank cells to keep in position).</summary>
    public static void BlankSomeCells(AnnualReport report, Random random)
    {
        foreach (var row in report.Requests!.Rows)
        {
            var cells = report.Requests[row]!;
            for (var c = 0; c < cells.Length; c++)
            {
                if (random.Next(12) == 0)
                {
                    cells[c] = null;
                }
            }
        }

        foreach (var group in AppealTable.Groups)
        {
            var cells = report.Appeals![group]!;
            for (var c = 0; c < cells.Length; c++)
            {
                if (random.Next(12) == 0)
                {
                    cells[c] = null;
                }
            }
        }
    }

    private static string CellPerLine(string[] lines)
    {
        var sb = new StringBuilder();
        foreach (var line in lines)
        {
            var cells = line.Split('\t');
            if (cells.Length == 1 && cells[0].Length > 60)
            {
                sb.Append(line).Append('\n'); // narrative stays a paragraph
                continue;
            }

            sb.Append("\n\n\n\n");
            for (var i = 0; i < cells.Length; i++)
            {
                sb.Append(i == 0 ? "" : "\n\n\n").Append(cells[i]);
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }
}
