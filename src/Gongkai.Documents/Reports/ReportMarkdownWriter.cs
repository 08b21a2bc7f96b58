using System.Globalization;
using System.Text;
using Gongkai.Core.Reports;
using Gongkai.Core.Statute;

namespace Gongkai.Documents.Reports;

/// <summary>
/// Renders a report as Markdown (GFM tables). Markdown has no merged cells, so a merged label is
/// written out on every row it covers (「（三）不予公开 1.属于国家秘密」); blank cells stay empty.
/// </summary>
public static class ReportMarkdownWriter
{
    public static string Write(AnnualReport report)
    {
        var sb = new StringBuilder(8 * 1024);
        sb.Append("# ").Append(ReportSections.Title(report.Agency, report.Year)).Append("\n\n");
        Section(sb, ReportSections.Overview, report.Sections.Overview);
        sb.Append("## ").Append(ReportSections.Proactive).Append("\n\n");
        if (report.Proactive is { } p)
        {
            WriteProactive(sb, p);
        }
        else
        {
            sb.Append("（缺）\n\n");
        }

        sb.Append("## ").Append(ReportSections.Requests).Append("\n\n");
        if (report.Requests is { } r)
        {
            WriteRequests(sb, r);
        }
        else
        {
            sb.Append("（缺）\n\n");
        }

        sb.Append("## ").Append(ReportSections.Appeals).Append("\n\n");
        if (report.Appeals is { } a)
        {
            WriteAppeals(sb, a);
        }
        else
        {
            sb.Append("（缺）\n\n");
        }

        Section(sb, ReportSections.Problems, report.Sections.Problems);
        Section(sb, ReportSections.Other, report.Sections.Other);
        return sb.ToString();
    }

    private static void Section(StringBuilder sb, string title, string? text)
    {
        sb.Append("## ").Append(title).Append("\n\n");
        if (text is null)
        {
            sb.Append("（缺）\n\n");
            return;
        }

        foreach (var line in text.Split('\n'))
        {
            if (line.Trim().Length > 0)
            {
                sb.Append(line.Trim()).Append("\n\n");
            }
        }
    }

    private static void Row(StringBuilder sb, IEnumerable<string?> cells)
    {
        sb.Append('|');
        foreach (var cell in cells)
        {
            sb.Append(' ').Append((cell ?? "").Replace("|", "\\|", StringComparison.Ordinal)).Append(" |");
        }

        sb.Append('\n');
    }

    private static void Rule(StringBuilder sb, int count) => Row(sb, Enumerable.Repeat("---", count));

    private static void WriteProactive(StringBuilder sb, ProactiveData data)
    {
        foreach (var block in ProactiveTable.Blocks(data.Edition))
        {
            sb.Append("**").Append(block.Title).Append("**\n\n");
            Row(sb, [ProactiveTable.ContentHeader, .. block.Columns.Select(c => c.Label)]);
            Rule(sb, block.Columns.Count + 1);
            foreach (var row in block.Rows)
            {
                var cells = data[row];
                Row(sb, [row.Label, .. Enumerable.Range(0, block.Columns.Count).Select(i => cells?[i]?.ToString(CultureInfo.InvariantCulture))]);
            }

            sb.Append('\n');
        }
    }

    private static void WriteRequests(StringBuilder sb, RequestData data)
    {
        sb.Append(RequestTable.Note).Append("\n\n");
        Row(sb, ["申请人情况", .. ApplicantColumns.All.Select(c => c.IsOrganisation ? $"{ApplicantColumns.OrganisationHeader}：{c.Label}" : c.Label)]);
        Rule(sb, ApplicantColumns.Count + 1);
        foreach (var row in data.Rows)
        {
            var cells = data[row];
            Row(sb, [row.FullName, .. ApplicantColumns.All.Select(c => cells?[c.Index]?.ToString(CultureInfo.InvariantCulture))]);
        }

        sb.Append('\n');
    }

    private static void WriteAppeals(StringBuilder sb, AppealData data)
    {
        var headers = AppealTable.Groups.SelectMany(g => AppealTable.Columns.Select(c => $"{g.DisplayName}：{c.Label}")).ToArray();
        Row(sb, headers);
        Rule(sb, headers.Length);
        Row(sb, AppealTable.Groups.SelectMany(g => AppealTable.Columns.Select(c => data.Cell(g, c)?.ToString(CultureInfo.InvariantCulture))));
        sb.Append('\n');
    }
}
