using System.Globalization;
using System.Text;
using Gongkai.Core.Reports;
using Gongkai.Core.Statute;

namespace Gongkai.Documents.Tests.Reading;

/// <summary>The layouts reports are seen in as text.</summary>
public enum TextLayout
{
    /// <summary>Cells separated by tabs, merged cells as empty cells (text extracted from PDFs, like the seeds).</summary>
    Tabs,

    /// <summary>Cells aligned with runs of spaces, group labels on their own lines, page numbers inside tables.</summary>
    Spaces,

    /// <summary>Like <see cref="Spaces"/> with long labels wrapped over lines, numbers on the second line.</summary>
    Wrapped,

    /// <summary>Each row's numbers glued into one digit run (copied from a web page).</summary>
    Glued,
}

/// <summary>Renders a report as the text layouts published reports come in, for round-trip tests of the reader.</summary>
public static class ReportTextRenderer
{
    public static string Render(AnnualReport report, TextLayout layout, Random? random = null)
    {
        random ??= new Random(0);
        var sb = new StringBuilder();
        sb.Append(ReportSections.Title(report.Agency, report.Year)).Append("\n\n");
        Section(sb, ReportSections.Overview, report.Sections.Overview);
        sb.Append(ReportSections.Proactive).Append('\n');
        Proactive(sb, report.Proactive!, layout);
        sb.Append('\n').Append(ReportSections.Requests).Append('\n');
        Requests(sb, report.Requests!, layout, random);
        sb.Append('\n').Append(ReportSections.Appeals).Append('\n');
        Appeals(sb, report.Appeals!, layout);
        Section(sb, ReportSections.Problems, report.Sections.Problems);
        Section(sb, ReportSections.Other, report.Sections.Other);
        return sb.ToString();
    }

    private static void Section(StringBuilder sb, string title, string? text) =>
        sb.Append(title).Append('\n').Append(text).Append("\n\n");

    private static string V(decimal? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Sep(TextLayout layout) => layout == TextLayout.Tabs ? "\t" : "    ";

    private static string Cells(IEnumerable<string> cells, TextLayout layout) =>
        layout == TextLayout.Glued ? string.Concat(cells) : string.Join(Sep(layout), cells);

    private static void Proactive(StringBuilder sb, ProactiveData data, TextLayout layout)
    {
        var sep = Sep(layout);
        foreach (var block in ProactiveTable.Blocks(data.Edition))
        {
            sb.Append(block.Title).Append('\n');
            sb.Append(ProactiveTable.ContentHeader).Append(sep).Append(string.Join(sep, block.Columns.Select(c => c.Label))).Append('\n');
            foreach (var row in block.Rows)
            {
                // Table 二 is never glued in the wild: its few cells are separated even on web pages.
                sb.Append(row.Label).Append(sep).Append(string.Join(sep, data[row]!.Select(V))).Append('\n');
            }
        }
    }

    private static void Requests(StringBuilder sb, RequestData data, TextLayout layout, Random random)
    {
        var sep = Sep(layout);
        sb.Append(RequestTable.Note).Append(sep).Append(ApplicantColumns.ApplicantHeader).Append('\n');
        sb.Append(sep).Append(ApplicantColumns.Natural.Label).Append(sep).Append(ApplicantColumns.OrganisationHeader).Append(sep).Append("总计\n");
        sb.Append(sep).Append(string.Join(sep, ApplicantColumns.All.Where(c => c.IsOrganisation).Select(c => c.Label))).Append('\n');
        string? group = null;
        var resultsShown = false;
        foreach (var row in data.Rows)
        {
            var numbers = Cells(data[row]!.Select(v => V(v)), layout);
            if (row.Kind is RequestRowKind.Outcome or RequestRowKind.Total && !resultsShown)
            {
                resultsShown = true;
                if (layout is TextLayout.Spaces or TextLayout.Wrapped)
                {
                    foreach (var ch in RequestTable.ResultsHeader)
                    {
                        sb.Append(ch).Append('\n'); // a vertical group label, one character per line
                    }
                }
                else
                {
                    sb.Append(RequestTable.ResultsHeader).Append(sep);
                }
            }

            if (row.Group is not null && row.Group != group)
            {
                group = row.Group;
                sb.Append(row.Group).Append(layout == TextLayout.Tabs ? sep : "\n");
            }

            if (layout is TextLayout.Spaces or TextLayout.Wrapped && random.Next(8) == 0)
            {
                sb.Append("- ").Append(random.Next(2, 6)).Append(" -\n");
            }

            if (layout == TextLayout.Wrapped && row.Label.Length > 12)
            {
                sb.Append(row.Label[..12]).Append('\n');
                var rest = row.Label[12..];
                var second = rest.Length > 12 ? rest[..12] : rest;
                sb.Append(second).Append(sep).Append(numbers).Append('\n');
                if (rest.Length > 12)
                {
                    sb.Append(rest[12..]).Append('\n');
                }
            }
            else
            {
                sb.Append(row.Label).Append(sep).Append(numbers).Append('\n');
            }
        }
    }

    private static void Appeals(StringBuilder sb, AppealData data, TextLayout layout)
    {
        var sep = Sep(layout);
        sb.Append(AppealTable.ReconsiderationHeader).Append(sep).Append(AppealTable.LitigationHeader).Append('\n');
        sb.Append(string.Join(sep, AppealTable.Columns.Select(c => c.Label))).Append(sep).Append("未经复议直接起诉").Append(sep).Append("复议后起诉\n");
        sb.Append(string.Join(sep, AppealTable.Columns.Concat(AppealTable.Columns).Select(c => c.Label))).Append('\n');
        sb.Append(Cells(AppealTable.Groups.SelectMany(g => AppealTable.Columns.Select(c => V(data.Cell(g, c)))), layout)).Append('\n');
    }
}
