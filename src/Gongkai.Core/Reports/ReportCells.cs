using Gongkai.Core.Statute;

namespace Gongkai.Core.Reports;

/// <summary>One cell of a report's tables with its JSON path and its names in the report's words.</summary>
public sealed record ReportCell(string Path, string Table, string Row, string Column, decimal? Value);

/// <summary>A cell whose value changed between two versions of a report.</summary>
public sealed record CellChange(ReportCell Before, decimal? After)
{
    public override string ToString() =>
        $"表{Before.Table}「{Before.Row}」「{Before.Column}」：{Show(Before.Value)} → {Show(After)}";

    private static string Show(decimal? v) => v?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "空白";
}

/// <summary>Every cell of tables 二–四, in table order, driven by the statute model.</summary>
public static class ReportCells
{
    public static IEnumerable<ReportCell> All(AnnualReport report)
    {
        if (report.Proactive is { } p)
        {
            foreach (var row in p.Rows)
            {
                for (var i = 0; i < row.Columns.Count; i++)
                {
                    yield return new ReportCell(CellRef.Of(row, row.Columns[i].Key).Path, "二", row.Label, row.Columns[i].Label, p[row]?[i]);
                }
            }
        }

        if (report.Requests is { } r)
        {
            foreach (var row in r.Rows)
            {
                foreach (var column in ApplicantColumns.All)
                {
                    yield return new ReportCell(CellRef.Of(row, column).Path, "三", row.DisplayName, column.Label, r.Cell(row, column));
                }
            }
        }

        if (report.Appeals is { } a)
        {
            foreach (var group in AppealTable.Groups)
            {
                foreach (var column in AppealTable.Columns)
                {
                    yield return new ReportCell(CellRef.Of(group, column).Path, "四", group.DisplayName, column.Label, a.Cell(group, column));
                }
            }
        }
    }

    /// <summary>The cells that differ from <paramref name="before"/> in <paramref name="after"/> (same year and edition).</summary>
    public static IReadOnlyList<CellChange> Diff(AnnualReport before, AnnualReport after)
    {
        var now = All(after).ToDictionary(c => c.Path, c => c.Value, StringComparer.Ordinal);
        return All(before)
            .Where(c => !now.TryGetValue(c.Path, out var v) || v != c.Value)
            .Select(c => new CellChange(c, now.GetValueOrDefault(c.Path)))
            .ToArray();
    }
}
