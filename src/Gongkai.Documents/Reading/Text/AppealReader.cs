using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Rules;
using Gongkai.Core.Statute;

namespace Gongkai.Documents.Reading.Text;

/// <summary>
/// Reads table 四: its 15 numbers stand on lines of numbers only (the headers are text), so the
/// numbers are taken in order from those lines; glued digits are split with the three group totals.
/// </summary>
public static class AppealReader
{
    public static AppealData? Read(IReadOnlyList<SourceLine> body, ReaderFindings findings)
    {
        var cells = new List<LineCell>();
        int? line = null;
        var headerSeen = false;
        foreach (var l in body)
        {
            var split = LineCells.Split(l.Folded);
            if (split.Any(c => c.Kind == CellKind.Text))
            {
                headerSeen |= l.Key.Contains("行政复议", StringComparison.Ordinal) && l.Key.Contains("行政诉讼", StringComparison.Ordinal)
                    || l.Key.Contains("结果", StringComparison.Ordinal) || l.Key.Contains("审结", StringComparison.Ordinal);
                if (cells.Count > 0)
                {
                    break; // text after the numbers: the table has ended
                }

                continue;
            }

            if (headerSeen && split.Any(c => c.Kind == CellKind.Number))
            {
                line ??= l.Number;
                cells.AddRange(split);
            }
        }

        // Empty tab fields are blank cells in position only when the row has exactly its 15 cells
        // (a table printed with only its 总计 cells); otherwise they are layout and dropped.
        if (cells.Count != AppealTable.CellCount)
        {
            cells.RemoveAll(c => c.Kind == CellKind.Blank && c.Text.Length == 0);
        }

        if (!headerSeen)
        {
            return null;
        }

        var data = new AppealData();
        if (line is { } n)
        {
            findings.Lines["appeals"] = n;
        }

        if (cells.Count == 0)
        {
            return data; // header present, cells blank
        }

        var raw = string.Join(' ', cells.Select(c => c.Kind == CellKind.Blank ? "□" : c.Text));
        var (candidates, recovery) = CellCandidates.For(cells, AppealTable.CellCount, GroupTotals);
        if (candidates.Count == 0 && recovery == Recovery.Extra)
        {
            (candidates, _) = CellCandidates.For(cells, AppealTable.CellCount, _ => true);
        }

        if (candidates.Count == 1)
        {
            var values = candidates[0];
            foreach (var group in AppealTable.Groups)
            {
                data[group] = AppealTable.Columns.Select(c => (int?)values[(group.Index * AppealTable.Columns.Count) + c.Index]).ToArray();
            }

            if (recovery == Recovery.Glued)
            {
                findings.Add(ReaderCodes.GluedCells, Severity.Info, $"表四的数字粘连（{raw}），已按各组总计唯一拆分", "四", line: line, cell: "appeals");
            }
            else if (recovery == Recovery.Extra)
            {
                findings.Add(ReaderCodes.ExtraCell, Severity.Warning, $"表四有 {cells.Count} 个单元格（{raw}），应为 {AppealTable.CellCount} 个", "四", line: line, cell: "appeals");
            }

            return data;
        }

        foreach (var group in AppealTable.Groups)
        {
            foreach (var column in AppealTable.Columns)
            {
                findings.Unreadable[CellRef.Of(group, column).Path] = candidates.Count == 0
                    ? $"表四有 {cells.Count} 个单元格（{raw}），应为 {AppealTable.CellCount} 个"
                    : $"「{raw}」有 {candidates.Count} 种拆分与各组总计一致，无法唯一确定";
            }
        }

        return data;
    }

    /// <summary>Each group's 总计 equals its four results (<see cref="TableArithmetic"/>), every cell known.</summary>
    private static bool GroupTotals(decimal?[] v) =>
        AppealTable.Groups.All(g => TableArithmetic.TotalHoldsAndIsComplete(v.Skip(g.Index * AppealTable.Columns.Count).Take(AppealTable.Columns.Count).ToArray()));
}
