using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Rules;
using Gongkai.Core.Statute;

namespace Gongkai.Documents.Reading.Text;

/// <summary>
/// Reads table 三. Rows are found by their labels; a row whose cells cannot be taken as written
/// (glued digits, extra cells) gets every reading that passes its own 总计 check, and the
/// readings of all such rows are then narrowed together by the column arithmetic ((七) = Σ
/// outcomes, 一 + 二 = (七) + 四). A row is filled only when exactly one reading survives;
/// otherwise its cells are reported unreadable with the candidates — never guessed.
/// </summary>
public static class RequestReader
{
    /// <summary>Bound on the combinations tried across ambiguous rows.</summary>
    public const int MaxCombinations = 200_000;

    public static RequestData? Read(IReadOnlyList<SourceLine> lines, Edition edition, Edition structure, ReaderFindings findings)
    {
        if (lines.Count == 0)
        {
            return null;
        }

        findings.Lines["requests"] = lines[0].Number;
        var rows = RequestTable.Rows(structure);
        var unlabelled = new List<(int Row, int Line)>();
        var matched = RowMatcher.Match(lines, rows.Select(r => RowKeys.For(r)).ToArray(), unlabelled);
        if (matched.Count == 0)
        {
            return null;
        }

        foreach (var (row, line) in unlabelled)
        {
            findings.Add(ReaderCodes.UnlabelledRow, Severity.Warning,
                $"表三第 {line} 行的数字前没有可识别的行标题，按行序归入「{rows[row].DisplayName}」", "三", rows[row].DisplayName, line: line, cell: CellRef.Of(rows[row]).Path);
        }

        var values = new Dictionary<int, int?[]?>();
        var ambiguous = new Dictionary<int, List<decimal?[]>>();
        for (var i = 0; i < rows.Count; i++)
        {
            var found = matched.FirstOrDefault(m => m.Index == i);
            if (found is null)
            {
                values[i] = null;
                continue;
            }

            findings.Lines[CellRef.Of(rows[i]).Path] = found.Line;
            if (!found.HasValues)
            {
                values[i] = new int?[ApplicantColumns.Count];
                continue;
            }

            var (candidates, recovery) = CellCandidates.For(found.CellsFor(ApplicantColumns.Count), ApplicantColumns.Count, TableArithmetic.TotalHoldsAndIsComplete); // a reading with a blank cell cannot be checked, so it is not accepted
            if (candidates.Count == 1)
            {
                values[i] = ToInts(candidates[0]);
                Recovered(findings, recovery, rows[i], found);
            }
            else
            {
                values[i] = new int?[ApplicantColumns.Count];
                ambiguous[i] = candidates;
            }
        }

        Resolve(rows, values, ambiguous, matched, findings);
        return Build(rows, values, edition, structure, findings);
    }

    private static int?[] ToInts(decimal?[] v) =>
        v.Select(x => x is { } d && d == decimal.Truncate(d) && d is >= int.MinValue and <= int.MaxValue ? (int?)(int)d : null).ToArray();

    private static void Recovered(ReaderFindings findings, Recovery recovery, RequestRow row, MatchedRow found)
    {
        var path = CellRef.Of(row).Path;
        if (recovery == Recovery.Glued)
        {
            findings.Add(ReaderCodes.GluedCells, Severity.Info,
                $"表三「{row.DisplayName}」的数字粘连（{found.Raw}），按「总计」等于六类申请人之和唯一拆分", "三", row.DisplayName, line: found.Line, cell: path);
        }
        else if (recovery == Recovery.Extra)
        {
            findings.Add(ReaderCodes.ExtraCell, Severity.Warning,
                $"表三「{row.DisplayName}」有 {found.Cells.Count} 个单元格（{found.Raw}），应为 7 个；按勾稽关系只有一种读法", "三", row.DisplayName, line: found.Line, cell: path);
        }
    }

    /// <summary>Tries the readings of the ambiguous rows together against the column arithmetic.</summary>
    private static void Resolve(IReadOnlyList<RequestRow> rows, Dictionary<int, int?[]?> values, Dictionary<int, List<decimal?[]>> ambiguous, List<MatchedRow> matched, ReaderFindings findings)
    {
        if (ambiguous.Count == 0)
        {
            return;
        }

        var keys = ambiguous.Keys.ToArray();
        var options = keys.Select(k => ambiguous[k].Select(ToInts).ToArray()).ToArray();
        var survivors = keys.ToDictionary(k => k, _ => new HashSet<string>());
        var chosen = keys.ToDictionary(k => k, _ => (int?[]?)null);
        long combos = options.Aggregate(1L, (acc, o) => acc * Math.Max(1, o.Length));
        if (options.All(o => o.Length > 0) && combos <= MaxCombinations)
        {
            var index = new int[keys.Length];
            while (true)
            {
                for (var k = 0; k < keys.Length; k++)
                {
                    values[keys[k]] = options[k][index[k]];
                }

                if (ColumnsHold(rows, values))
                {
                    for (var k = 0; k < keys.Length; k++)
                    {
                        if (survivors[keys[k]].Add(string.Join(',', options[k][index[k]])))
                        {
                            chosen[keys[k]] = options[k][index[k]];
                        }
                    }
                }

                var d = 0;
                while (d < keys.Length && ++index[d] == options[d].Length)
                {
                    index[d++] = 0;
                }

                if (d == keys.Length)
                {
                    break;
                }
            }
        }

        foreach (var key in keys)
        {
            var row = rows[key];
            var found = matched.First(m => m.Index == key);
            if (survivors[key].Count == 1)
            {
                values[key] = chosen[key];
                Recovered(findings, found.Cells.Count > ApplicantColumns.Count ? Recovery.Extra : Recovery.Glued, row, found);
                continue;
            }

            values[key] = new int?[ApplicantColumns.Count];
            var candidates = ambiguous[key];
            var why = candidates.Count == 0
                ? found.Cells.Count < ApplicantColumns.Count
                    ? $"该行只有 {found.Cells.Count} 个单元格（{found.Raw}），应为 7 个，无法确定缺少哪一格"
                    : $"该行有 {found.Cells.Count} 个单元格（{found.Raw}），没有一种读法满足「总计」等于六类申请人之和"
                : survivors[key].Count == 0
                    ? $"「{found.Raw}」有 {candidates.Count} 种读法（如 {Sample(candidates)}），但没有一种与表三各列的勾稽关系一致"
                    : $"「{found.Raw}」有 {survivors[key].Count} 种读法都与勾稽关系一致（{string.Join("；", survivors[key].Take(4))}），无法唯一确定";
            foreach (var column in ApplicantColumns.All)
            {
                findings.Unreadable[CellRef.Of(row, column).Path] = why;
            }
        }
    }

    private static string Sample(List<decimal?[]> candidates) =>
        string.Join("；", candidates.Take(3).Select(c => string.Join(",", c.Select(TextReportReader.N))));

    /// <summary>The column arithmetic of table 三 (<see cref="TableArithmetic"/>) holds wherever it can be evaluated.</summary>
    private static bool ColumnsHold(IReadOnlyList<RequestRow> rows, Dictionary<int, int?[]?> values)
    {
        int Index(RequestRowKind kind) => rows.Select((r, idx) => (r, idx)).First(x => x.r.Kind == kind).idx;
        var (total, received, carried, forward) = (values[Index(RequestRowKind.Total)], values[Index(RequestRowKind.Received)],
            values[Index(RequestRowKind.CarriedOver)], values[Index(RequestRowKind.CarriedForward)]);
        var outcomes = Enumerable.Range(0, rows.Count).Where(i => rows[i].Kind == RequestRowKind.Outcome).Select(i => values[i]).ToArray();
        for (var c = 0; c < ApplicantColumns.Count; c++)
        {
            var column = c;
            if (TableArithmetic.OutcomesHold(total?[c], outcomes.Select(o => (decimal?)o?[column])) == false
                || TableArithmetic.BalanceHolds(received?[c], carried?[c], total?[c], forward?[c]) == false)
            {
                return false;
            }
        }

        return true;
    }

    private static RequestData Build(IReadOnlyList<RequestRow> rows, Dictionary<int, int?[]?> values, Edition edition, Edition structure, ReaderFindings findings)
    {
        var data = new RequestData(edition);
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Key.StartsWith("otherHandling", StringComparison.Ordinal) && structure != edition)
            {
                continue;
            }

            data[rows[i].Key] = values[i];
        }

        if (structure == edition)
        {
            return data;
        }

        var line = findings.Lines.GetValueOrDefault("requests.otherHandling", findings.Lines.GetValueOrDefault("requests"));
        if (structure == Edition.V2019)
        {
            // A 2021-edition report with the 2019 single （六） row: a 0 is 0 in each sub-row
            // (cells are non-negative); any other number cannot be divided among them.
            var single = values[rows.Select((r, idx) => (r, idx)).First(x => x.r.Key == "otherHandling").idx];
            var subRows = RequestTable.Rows(edition).Where(r => r.Key.StartsWith("otherHandling.", StringComparison.Ordinal)).ToArray();
            foreach (var sub in subRows)
            {
                if (single is null)
                {
                    data[sub] = null;
                    continue;
                }

                var cells = new int?[ApplicantColumns.Count];
                for (var c = 0; c < cells.Length; c++)
                {
                    cells[c] = single[c] == 0 ? 0 : null;
                    if (single[c] is > 0)
                    {
                        findings.Unreadable[CellRef.Of(sub, ApplicantColumns.All[c]).Path] = $"报告只有一行「（六）其他处理」（{single[c]}），无法分到三个子项";
                    }
                }

                data[sub] = cells;
            }

            findings.Add(DiagnosticCodes.EditionMismatch, Severity.Warning,
                "表三「（六）其他处理」按2019年版格式只有一行，2021年版格式应分为「1.逾期不补正」「2.逾期未缴费」「3.其他」三行", "三", RequestTable.GroupOtherHandling, line: line, cell: "requests.otherHandling");
        }
        else
        {
            var subs = Enumerable.Range(0, rows.Count).Where(i => rows[i].Key.StartsWith("otherHandling.", StringComparison.Ordinal)).Select(i => values[i]).ToArray();
            data["otherHandling"] = subs.Any(s => s is null)
                ? null
                : Enumerable.Range(0, ApplicantColumns.Count).Select(c => subs.Any(s => s![c] is null) ? null : (int?)subs.Sum(s => s![c]!.Value)).ToArray();
            findings.Add(DiagnosticCodes.EditionMismatch, Severity.Warning,
                "表三「（六）其他处理」分为三行（2021年版格式），本报告其余部分为2019年版格式；已将三行相加", "三", RequestTable.GroupOtherHandling, line: line, cell: "requests.otherHandling");
        }

        return data;
    }
}
