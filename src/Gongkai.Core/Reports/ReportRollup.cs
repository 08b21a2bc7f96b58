using Gongkai.Core.Reports.Rules;
using Gongkai.Core.Statute;

namespace Gongkai.Core.Reports;

/// <summary>One report in a roll-up: where it came from, what was read, and its reader's findings.</summary>
public sealed record RollupInput(string Source, string Form, AnnualReport? Report, CheckContext Context, IReadOnlyList<Diagnostic> ReaderDiagnostics);

/// <summary>A report in a roll-up with every diagnostic, cross-year ones included.</summary>
public sealed record RollupEntry(RollupInput Input, IReadOnlyList<Diagnostic> Diagnostics)
{
    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);

    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);
}

/// <summary>The cell-by-cell sum of the reports of one year and edition.</summary>
/// <param name="Incomplete">JSON paths of cells left blank in at least one report (the sum counts only the others).</param>
public sealed record RollupTotal(int Year, Edition Edition, IReadOnlyList<string> Agencies, AnnualReport Sum, IReadOnlyList<string> Incomplete);

public sealed record RollupResult(IReadOnlyList<RollupEntry> Entries, IReadOnlyList<RollupTotal> Totals);

/// <summary>
/// Rolls many agencies' reports into one view (条例 第五十条, DESIGN §2.3): every report with its
/// diagnostics, cross-year checks (<c>carry-over</c>, <c>in-force</c>) between consecutive years of
/// the same agency, and the sum of every cell per year and edition.
/// </summary>
public static class ReportRollup
{
    public static RollupResult Build(IReadOnlyList<RollupInput> inputs)
    {
        var reports = inputs.Select(i => i.Report).OfType<AnnualReport>().Where(r => r.Agency is not null).ToArray();
        var entries = inputs.Select(input =>
        {
            if (input.Report is not { } report)
            {
                return new RollupEntry(input, input.ReaderDiagnostics);
            }

            var previous = report.Agency is { } agency
                ? reports.FirstOrDefault(r => r.Year == report.Year - 1 && SameAgency(r.Agency!, agency))
                : null;
            var context = new CheckContext
            {
                Lines = input.Context.Lines,
                UnreadableCells = input.Context.UnreadableCells,
                PublishedOn = input.Context.PublishedOn,
                PreviousYear = previous,
            };
            return new RollupEntry(input, [.. input.ReaderDiagnostics, .. ReportChecker.Check(report, context)]);
        }).ToArray();

        var totals = inputs.Where(i => i.Report is not null)
            .GroupBy(i => (i.Report!.Year, i.Report!.Edition))
            .OrderBy(g => g.Key.Year).ThenBy(g => g.Key.Edition)
            .Select(g => Sum(g.Key.Year, g.Key.Edition, g.Select(i => i.Report!).ToArray()))
            .ToArray();
        return new RollupResult(entries, totals);
    }

    /// <summary>
    /// Whether two names denote the same agency: equal without spaces, or one is the other with
    /// its superior's name in front (「洪泽区人民政府」 and 「淮安市洪泽区人民政府」).
    /// </summary>
    public static bool SameAgency(string a, string b)
    {
        var x = string.Concat(a.Where(ch => !char.IsWhiteSpace(ch)));
        var y = string.Concat(b.Where(ch => !char.IsWhiteSpace(ch)));
        var (shorter, longer) = x.Length <= y.Length ? (x, y) : (y, x);
        return shorter.Length >= 4 && longer.EndsWith(shorter, StringComparison.Ordinal);
    }

    public static RollupTotal Sum(int year, Edition edition, IReadOnlyList<AnnualReport> reports)
    {
        var sum = AnnualReport.Blank(year, edition);
        sum.Agency = $"合计（{reports.Count}个机关）";
        var incomplete = new List<string>();

        foreach (var row in ProactiveTable.Rows(edition))
        {
            var cells = new decimal?[row.Columns.Count];
            for (var c = 0; c < cells.Length; c++)
            {
                var values = reports.Select(r => r.Proactive?[row.Key]?[c]).ToArray();
                cells[c] = values.Any(v => v is not null) ? values.Sum(v => v ?? 0) : null;
                if (values.Any(v => v is null))
                {
                    incomplete.Add(CellRef.Of(row, row.Columns[c].Key).Path);
                }
            }

            sum.Proactive![row] = cells;
        }

        foreach (var row in RequestTable.Rows(edition))
        {
            sum.Requests![row] = SumCells(reports.Select(r => r.Requests?[row]).ToArray(), ApplicantColumns.All.Select(c => c.Key).ToArray(), CellRef.Of(row).Path, incomplete);
        }

        foreach (var group in AppealTable.Groups)
        {
            sum.Appeals![group] = SumCells(reports.Select(r => r.Appeals?[group]).ToArray(), AppealTable.Columns.Select(c => c.Key).ToArray(), CellRef.Of(group).Path, incomplete);
        }

        return new RollupTotal(year, edition, reports.Select(r => r.Agency ?? "（机关不详）").ToArray(), sum, incomplete);
    }

    private static int?[] SumCells(int?[]?[] rows, string[] keys, string path, List<string> incomplete)
    {
        var cells = new int?[keys.Length];
        for (var c = 0; c < keys.Length; c++)
        {
            var values = rows.Select(r => r?[c]).ToArray();
            cells[c] = values.Any(v => v is not null) ? values.Sum(v => v ?? 0) : null;
            if (values.Any(v => v is null))
            {
                incomplete.Add($"{path}.{keys[c]}");
            }
        }

        return cells;
    }
}
