using System.Globalization;
using System.Net;
using System.Text;
using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Rules;
using Gongkai.Core.Statute;

namespace Gongkai.Documents.Reports;

/// <summary>
/// Renders a report as a standalone HTML page in the official layout: the six sections, and
/// tables 二–四 with the merged header cells (rowspan/colspan) of the published template.
/// The page carries its own print CSS for A4.
/// </summary>
public static class ReportHtmlWriter
{
    private const string Css = """
        @page { size: A4; margin: 25mm 20mm 22mm 20mm; }
        body { font-family: "FangSong", "仿宋", "Noto Serif CJK SC", "Source Han Serif SC", serif; font-size: 16px; line-height: 1.8; color: #000; max-width: 190mm; margin: 0 auto; padding: 12px; }
        h1 { font-family: "Noto Serif CJK SC", "SimSun", serif; font-size: 22px; text-align: center; margin: 0.6em 0 1em; }
        h2 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-size: 17px; margin: 1.2em 0 0.5em; }
        p { text-indent: 2em; margin: 0.2em 0; }
        table.gk { border-collapse: collapse; width: 100%; font-family: "SimSun", "宋体", "Noto Serif CJK SC", serif; font-size: 12px; line-height: 1.35; margin: 0.5em 0 1em; page-break-inside: auto; }
        table.gk th, table.gk td { border: 1px solid #000; padding: 3px 4px; text-align: center; vertical-align: middle; }
        table.gk td.label, table.gk th.label { text-align: left; font-weight: normal; }
        table.gk th.group { font-weight: normal; }
        table.gk caption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        .table-scroll { overflow-x: auto; max-width: 100%; }
        .table-scroll:focus-visible { outline: 3px solid #1a5fb4; outline-offset: 2px; }
        table.gk td.num { text-align: center; font-variant-numeric: tabular-nums; min-width: 2.5em; }
        table.gk td.blank { background: #fff; }
        table.gk thead { display: table-header-group; }
        table.gk tr { page-break-inside: avoid; }
        table.t3 .group.results { width: 1.5em; writing-mode: vertical-rl; letter-spacing: 0.1em; }
        .diagnostics { font-family: sans-serif; font-size: 13px; border: 1px solid #c00; padding: 6px 10px; margin-top: 2em; }
        .diagnostics .error { color: #b00; } .diagnostics .warning { color: #a60; } .diagnostics .info { color: #357; }
        .page-nav { font-family: sans-serif; font-size: 14px; border-bottom: 1px solid #ccc; padding: 4px 0; }
        .page-nav a { margin-right: 12px; }
        @media print { .diagnostics, .page-nav { display: none; } body { padding: 0; } .table-scroll { overflow: visible; } }
        @media (max-width: 40rem) { body { padding: 8px; font-size: 1rem; } table.gk { font-size: 0.8125rem; } }
        """;

    /// <summary>
    /// Writes the whole page. Diagnostics, if given, are listed after the report (not printed);
    /// <paramref name="navigationHtml"/> (trusted markup, e.g. the portal's download links) goes above the title and is not printed.
    /// </summary>
    public static string Write(AnnualReport report, IReadOnlyList<Diagnostic>? diagnostics = null, string? navigationHtml = null)
    {
        var sb = new StringBuilder(32 * 1024);
        var title = ReportSections.Title(report.Agency, report.Year);
        sb.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
          .Append(E(title)).Append("</title>\n<style>\n").Append(Css).Append("\n</style>\n</head>\n<body>\n");
        if (navigationHtml is not null)
        {
            sb.Append("<nav class=\"page-nav\">").Append(navigationHtml).Append("</nav>\n");
        }

        sb.Append("<h1>").Append(E(title)).Append("</h1>\n");
        WriteBody(sb, report);
        if (diagnostics is { Count: > 0 })
        {
            WriteDiagnostics(sb, diagnostics);
        }

        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>Writes the six sections (no page chrome), for embedding in another page.</summary>
    public static void WriteBody(StringBuilder sb, AnnualReport report)
    {
        Section(sb, ReportSections.Overview);
        Paragraphs(sb, report.Sections.Overview);
        Section(sb, ReportSections.Proactive);
        if (report.Proactive is { } p)
        {
            WriteProactive(sb, p);
        }
        else
        {
            Missing(sb);
        }

        Section(sb, ReportSections.Requests);
        if (report.Requests is { } r)
        {
            WriteRequests(sb, r);
        }
        else
        {
            Missing(sb);
        }

        Section(sb, ReportSections.Appeals);
        if (report.Appeals is { } a)
        {
            WriteAppeals(sb, a);
        }
        else
        {
            Missing(sb);
        }

        Section(sb, ReportSections.Problems);
        Paragraphs(sb, report.Sections.Problems);
        Section(sb, ReportSections.Other);
        Paragraphs(sb, report.Sections.Other);
    }

    private static void Section(StringBuilder sb, string title) => sb.Append("<h2>").Append(E(title)).Append("</h2>\n");

    private static void Missing(StringBuilder sb) => sb.Append("<p class=\"missing\">（缺）</p>\n");

    private static void Paragraphs(StringBuilder sb, string? text)
    {
        if (text is null)
        {
            Missing(sb);
            return;
        }

        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0)
            {
                sb.Append("<p>").Append(E(trimmed)).Append("</p>\n");
            }
        }
    }

    private static void WriteProactive(StringBuilder sb, ProactiveData data)
    {
        var span = ProactiveTable.DataColumnSpan(data.Edition);
        OpenTable(sb, "t2", "表二：" + Heading(ReportSections.Proactive));
        sb.Append("<tbody>\n");
        foreach (var block in ProactiveTable.Blocks(data.Edition))
        {
            sb.Append("<tr><th scope=\"colgroup\" colspan=\"").Append(span + 1).Append("\">").Append(E(block.Title)).Append("</th></tr>\n");
            sb.Append("<tr><th scope=\"col\">").Append(ProactiveTable.ContentHeader).Append("</th>");
            for (var i = 0; i < block.Columns.Count; i++)
            {
                sb.Append("<th scope=\"col\"").Append(ColSpan(i, block.Columns.Count, span)).Append('>').Append(E(block.Columns[i].Label)).Append("</th>");
            }

            sb.Append("</tr>\n");
            foreach (var row in block.Rows)
            {
                sb.Append("<tr><th scope=\"row\" class=\"label\">").Append(E(row.Label)).Append("</th>");
                var cells = data[row];
                for (var i = 0; i < block.Columns.Count; i++)
                {
                    var value = cells?[i];
                    sb.Append("<td class=\"num\"").Append(ColSpan(i, block.Columns.Count, span)).Append('>')
                      .Append(value is null ? "" : value.Value.ToString(CultureInfo.InvariantCulture)).Append("</td>");
                }

                sb.Append("</tr>\n");
            }
        }

        CloseTable(sb);
    }

    /// <summary>
    /// Opens a table inside a focusable, labelled scroll region (a wide table scrolls sideways on a phone instead of
    /// the page; keyboard users can scroll it), with a caption for screen readers (hidden on screen and in print: the
    /// section heading above says the same).
    /// </summary>
    private static void OpenTable(StringBuilder sb, string cls, string caption)
    {
        var id = "caption-" + cls;
        sb.Append("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"").Append(id).Append("\">\n<table class=\"gk ").Append(cls)
          .Append("\">\n<caption id=\"").Append(id).Append("\">").Append(E(caption)).Append("</caption>\n");
    }

    private static void CloseTable(StringBuilder sb) => sb.Append("</tbody>\n</table>\n</div>\n");

    /// <summary>The last column of a narrow block stretches to the table's full data width.</summary>
    private static string ColSpan(int index, int count, int span) =>
        index == count - 1 && count < span ? $" colspan=\"{(span - count + 1).ToString(CultureInfo.InvariantCulture)}\"" : "";

    private static void WriteRequests(StringBuilder sb, RequestData data)
    {
        var rows = data.Rows;
        OpenTable(sb, "t3", "表三：" + Heading(ReportSections.Requests));
        sb.Append("<thead>\n");
        sb.Append("<tr><td colspan=\"3\" rowspan=\"3\">").Append(E(RequestTable.Note)).Append("</td>")
          .Append("<th scope=\"colgroup\" colspan=\"7\">").Append(ApplicantColumns.ApplicantHeader).Append("</th></tr>\n");
        sb.Append("<tr><th scope=\"col\" rowspan=\"2\">").Append(ApplicantColumns.Natural.Label).Append("</th>")
          .Append("<th scope=\"colgroup\" colspan=\"5\">").Append(ApplicantColumns.OrganisationHeader).Append("</th>")
          .Append("<th scope=\"col\" rowspan=\"2\">").Append(ApplicantColumns.Total.Label).Append("</th></tr>\n<tr>");
        foreach (var column in ApplicantColumns.All.Where(col => col.IsOrganisation))
        {
            sb.Append("<th scope=\"col\">").Append(E(column.Label)).Append("</th>");
        }

        sb.Append("</tr>\n</thead>\n<tbody>\n");
        var resultRows = rows.Count(r => r.Kind is RequestRowKind.Outcome or RequestRowKind.Total);
        var resultsOpened = false;
        string? openGroup = null;
        foreach (var row in rows)
        {
            sb.Append("<tr>");
            switch (row.Kind)
            {
                case RequestRowKind.Received or RequestRowKind.CarriedOver or RequestRowKind.CarriedForward:
                    sb.Append("<th scope=\"row\" class=\"label\" colspan=\"3\">").Append(E(row.Label)).Append("</th>");
                    break;
                case RequestRowKind.Outcome or RequestRowKind.Total:
                    if (!resultsOpened)
                    {
                        sb.Append("<th scope=\"rowgroup\" class=\"group results\" rowspan=\"").Append(resultRows).Append("\">").Append(RequestTable.ResultsHeader).Append("</th>");
                        resultsOpened = true;
                    }

                    if (row.Group is null)
                    {
                        sb.Append("<th scope=\"row\" class=\"label\" colspan=\"2\">").Append(E(row.Label)).Append("</th>");
                    }
                    else
                    {
                        if (row.Group != openGroup)
                        {
                            var size = rows.Count(r => r.Group == row.Group);
                            sb.Append("<th scope=\"rowgroup\" class=\"label\" rowspan=\"").Append(size).Append("\">").Append(E(row.Group)).Append("</th>");
                            openGroup = row.Group;
                        }

                        sb.Append("<th scope=\"row\" class=\"label\">").Append(E(row.Label)).Append("</th>");
                    }

                    break;
            }

            var cells = data[row];
            foreach (var column in ApplicantColumns.All)
            {
                var value = cells?[column.Index];
                sb.Append("<td class=\"num\">").Append(value?.ToString(CultureInfo.InvariantCulture)).Append("</td>");
            }

            sb.Append("</tr>\n");
        }

        CloseTable(sb);
    }

    private static void WriteAppeals(StringBuilder sb, AppealData data)
    {
        var perGroup = AppealTable.Columns.Count;
        OpenTable(sb, "t4", "表四：" + Heading(ReportSections.Appeals));
        sb.Append("<thead>\n<tr><th scope=\"colgroup\" colspan=\"").Append(perGroup).Append("\">").Append(AppealTable.ReconsiderationHeader)
          .Append("</th><th scope=\"colgroup\" colspan=\"").Append(perGroup * 2).Append("\">").Append(AppealTable.LitigationHeader).Append("</th></tr>\n<tr>");
        foreach (var column in AppealTable.Columns)
        {
            sb.Append("<th scope=\"col\" rowspan=\"2\">").Append(E(column.Label)).Append("</th>");
        }

        foreach (var group in AppealTable.Groups.Where(g => g.Parent is not null))
        {
            sb.Append("<th scope=\"colgroup\" colspan=\"").Append(perGroup).Append("\">").Append(E(group.Label)).Append("</th>");
        }

        sb.Append("</tr>\n<tr>");
        foreach (var _ in AppealTable.Groups.Where(g => g.Parent is not null))
        {
            foreach (var column in AppealTable.Columns)
            {
                sb.Append("<th scope=\"col\">").Append(E(column.Label)).Append("</th>");
            }
        }

        sb.Append("</tr>\n</thead>\n<tbody>\n<tr>");
        foreach (var group in AppealTable.Groups)
        {
            foreach (var column in AppealTable.Columns)
            {
                sb.Append("<td class=\"num\">").Append(data.Cell(group, column)?.ToString(CultureInfo.InvariantCulture)).Append("</td>");
            }
        }

        sb.Append("</tr>\n");
        CloseTable(sb);
    }

    /// <summary>A section heading without its numbering (「二、主动公开政府信息情况」 → 「主动公开政府信息情况」).</summary>
    private static string Heading(string section) => section[(section.IndexOf('、', StringComparison.Ordinal) + 1)..];

    private static void WriteDiagnostics(StringBuilder sb, IReadOnlyList<Diagnostic> diagnostics)
    {
        sb.Append("<section class=\"diagnostics\"><h2>校验结果</h2>\n<ul>\n");
        foreach (var d in diagnostics)
        {
            var cls = d.Severity.ToString().ToLowerInvariant();
            sb.Append("<li class=\"").Append(cls).Append("\"><code>").Append(E(d.Code)).Append("</code> ").Append(E(d.Message)).Append("</li>\n");
        }

        sb.Append("</ul>\n</section>\n");
    }

    private static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
}
