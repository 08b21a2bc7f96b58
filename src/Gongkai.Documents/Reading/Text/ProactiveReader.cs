using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Rules;
using Gongkai.Core.Statute;

namespace Gongkai.Documents.Reading.Text;

/// <summary>Reads table 二 from its lines.</summary>
public static class ProactiveReader
{
    public static ProactiveData? Read(IReadOnlyList<SourceLine> lines, Edition edition, ReaderFindings findings)
    {
        if (lines.Count == 0)
        {
            return null;
        }

        findings.Lines["proactive"] = lines[0].Number;
        var rows = ProactiveTable.Rows(edition);
        var matched = RowMatcher.Match(lines, rows.Select(r => RowKeys.For(r)).ToArray());
        var data = new ProactiveData(edition);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var path = CellRef.Of(row).Path;
            var found = matched.FirstOrDefault(m => m.Index == i);
            if (found is null)
            {
                data[row] = null;
                continue;
            }

            findings.Lines[path] = found.Line;
            if (!found.HasValues)
            {
                continue; // present, all blank
            }

            // Table 二 has no arithmetic within a row: a recovered reading is accepted only when it is
            // the only one and has no blank cell in it.
            var (candidates, recovery) = CellCandidates.For(found.CellsFor(row.Columns.Count), row.Columns.Count, v => v.All(x => x is not null));
            if (candidates.Count == 1)
            {
                data[row] = candidates[0];
                Recovered(findings, recovery, row, found);
                continue;
            }

            for (var c = 0; c < row.Columns.Count; c++)
            {
                findings.Unreadable[$"{path}.{row.Columns[c].Key}"] = candidates.Count == 0
                    ? $"该行有 {found.Cells.Count} 个单元格（{found.Raw}），应为 {row.Columns.Count} 个"
                    : $"「{found.Raw}」可拆分为 {string.Join("；", candidates.Take(5).Select(x => string.Join(",", x.Select(TextReportReader.N))))} 等 {candidates.Count} 种读法，无法唯一确定";
            }
        }

        return data;
    }

    private static void Recovered(ReaderFindings findings, Recovery recovery, ProactiveRow row, MatchedRow found)
    {
        if (recovery == Recovery.Glued)
        {
            findings.Add(ReaderCodes.GluedCells, Severity.Info, $"表二「{row.Label}」的数字粘连（{found.Raw}），唯一拆分为 {string.Join(",", found.Cells.Count)} 个单元格", "二", row.Label, line: found.Line, cell: CellRef.Of(row).Path);
        }
        else if (recovery == Recovery.Extra)
        {
            findings.Add(ReaderCodes.ExtraCell, Severity.Warning, $"表二「{row.Label}」有 {found.Cells.Count} 个单元格（{found.Raw}），应为 {row.Columns.Count} 个", "二", row.Label, line: found.Line, cell: CellRef.Of(row).Path);
        }
    }
}
