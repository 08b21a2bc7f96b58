using System.Globalization;
using Gongkai.Core.Statute;

namespace Gongkai.Core.Reports.Rules;

/// <summary>
/// Runs every single-report rule of DESIGN §5 over a report. The rules iterate the statute model
/// (<see cref="RequestTable"/>, <see cref="ProactiveTable"/>, <see cref="AppealTable"/>); none is
/// written per cell, so a change to a table's layout is a change in the statute model only.
/// Arithmetic rules skip any sum with a blank cell: the blank is reported once as <c>blank-cell</c>.
/// </summary>
public static class ReportChecker
{
    public static IReadOnlyList<Diagnostic> Check(AnnualReport report, CheckContext? context = null)
    {
        var c = new Collector(context ?? CheckContext.Empty);
        CheckEdition(report, c);
        CheckSections(report, c);
        CheckProactive(report, c);
        CheckRequests(report, c);
        CheckAppeals(report, c);
        CheckInForce(report, c);
        CheckCarryOver(report, c);
        CheckFeeStatement(report, c);
        CheckPublicationDate(report, c);
        c.Items.AddRange(NarrativeChecks.Check(report));
        return c.Items;
    }

    private sealed class Collector(CheckContext context)
    {
        public CheckContext Context { get; } = context;

        public List<Diagnostic> Items { get; } = [];

        public void Add(string code, string message, string? table = null, string? row = null, string? column = null, string? path = null) =>
            Items.Add(new Diagnostic(code, DiagnosticCodes.SeverityOf(code), message,
                new DiagnosticLocation(table, row, column, path is null ? null : Context.LineOf(path), path)));

        /// <summary>For something absent: only its own line, never its table's.</summary>
        public void AddAbsent(string code, string message, string table, string row, string path) =>
            Items.Add(new Diagnostic(code, DiagnosticCodes.SeverityOf(code), message,
                new DiagnosticLocation(table, row, null, Context.Lines.TryGetValue(path, out var line) ? line : null, path)));
    }

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string N(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static void CheckEdition(AnnualReport report, Collector c)
    {
        var inForce = Editions.InForceFor(report.Year);
        if (report.Edition != inForce)
        {
            c.Add(DiagnosticCodes.EditionMismatch,
                $"{N(report.Year)}年度报告应使用{inForce.Notice()}印发的{inForce.Code()}年版格式，但本报告使用{report.Edition.Code()}年版格式（{report.Edition.Notice()}）",
                path: "edition");
        }
    }

    private static void CheckSections(AnnualReport report, Collector c)
    {
        void Narrative(string? text, string title, string key)
        {
            if (text is null)
            {
                c.Add(DiagnosticCodes.MissingSection, $"报告缺少「{title}」部分", table: title, path: $"sections.{key}");
            }
        }

        Narrative(report.Sections.Overview, ReportSections.Overview, "overview");

        void Table(object? table, string title, string number, string key)
        {
            if (table is null)
            {
                c.Add(DiagnosticCodes.MissingTable, $"报告缺少「{title}」的统计表（表{number}）", table: number, path: key);
            }
        }

        Table(report.Proactive, ReportSections.Proactive, "二", "proactive");
        Table(report.Requests, ReportSections.Requests, "三", "requests");
        Table(report.Appeals, ReportSections.Appeals, "四", "appeals");
        Narrative(report.Sections.Problems, ReportSections.Problems, "problems");
        Narrative(report.Sections.Other, ReportSections.Other, "other");
    }

    /// <summary>Reports a missing row, blank or unreadable cells; returns false when the row is missing.</summary>
    private static bool CheckCells<T>(Collector c, string table, string rowName, string rowPath, T?[]? cells, IReadOnlyList<(string Key, string Label)> columns)
        where T : struct
    {
        if (cells is null)
        {
            c.AddAbsent(DiagnosticCodes.MissingRow, $"表{table}缺少「{rowName}」行", table, rowName, rowPath);
            return false;
        }

        var blank = new List<int>();
        for (var i = 0; i < cells.Length; i++)
        {
            if (cells[i] is not null)
            {
                continue;
            }

            var path = $"{rowPath}.{columns[i].Key}";
            if (c.Context.UnreadableCells.TryGetValue(path, out var seen))
            {
                c.Add(DiagnosticCodes.UnreadableCell, $"表{table}「{rowName}」「{columns[i].Label}」无法识别：{seen}", table, rowName, columns[i].Label, path);
            }
            else
            {
                blank.Add(i);
            }
        }

        if (blank.Count == cells.Length && cells.Length > 1)
        {
            c.Add(DiagnosticCodes.BlankCell, $"表{table}「{rowName}」整行空白（空白不等于 0，无数据应填 0）", table, rowName, path: rowPath);
        }
        else
        {
            foreach (var i in blank)
            {
                c.Add(DiagnosticCodes.BlankCell, $"表{table}「{rowName}」「{columns[i].Label}」为空白（空白不等于 0，无数据应填 0）",
                    table, rowName, columns[i].Label, $"{rowPath}.{columns[i].Key}");
            }
        }

        return true;
    }

    private static void CheckProactive(AnnualReport report, Collector c)
    {
        if (report.Proactive is not { } data)
        {
            return;
        }

        foreach (var row in data.Rows)
        {
            var cells = data[row];
            var rowPath = CellRef.Of(row).Path;
            var columns = row.Columns.Select(col => (col.Key, col.Label)).ToArray();
            if (!CheckCells(c, "二", $"{row.Block.Title} {row.Label}", rowPath, cells, columns))
            {
                continue;
            }

            for (var i = 0; i < row.Columns.Count; i++)
            {
                var column = row.Columns[i];
                if (cells![i] is { } v && v < 0 && column.Kind != CellKind.SignedCount)
                {
                    c.Add(DiagnosticCodes.Negative, $"表二「{row.Label}」「{column.Label}」为负数（{N(v)}）", "二", row.Label, column.Label, $"{rowPath}.{column.Key}");
                }
                else if (cells[i] is { } w && column.Kind != CellKind.Amount && w != decimal.Truncate(w))
                {
                    c.Add(DiagnosticCodes.UnreadableCell, $"表二「{row.Label}」「{column.Label}」应为整数，实际为 {N(w)}", "二", row.Label, column.Label, $"{rowPath}.{column.Key}");
                }
            }
        }
    }

    private static readonly (string Key, string Label)[] _requestColumns =
        ApplicantColumns.All.Select(col => (col.Key, col.Label)).ToArray();

    private static void CheckRequests(AnnualReport report, Collector c)
    {
        if (report.Requests is not { } data)
        {
            return;
        }

        foreach (var row in data.Rows)
        {
            CheckCountRow(c, "三", row.DisplayName, CellRef.Of(row).Path, data[row], _requestColumns, DiagnosticCodes.RowTotal, "六类申请人");
        }

        var totalRow = RequestTable.Row(data.Edition, RequestRowKind.Total);
        var outcomeRows = RequestTable.OutcomeRows(data.Edition).ToArray();
        var received = RequestTable.Row(data.Edition, RequestRowKind.Received);
        var carriedOver = RequestTable.Row(data.Edition, RequestRowKind.CarriedOver);
        var carriedForward = RequestTable.Row(data.Edition, RequestRowKind.CarriedForward);

        foreach (var column in ApplicantColumns.All)
        {
            var outcomes = outcomeRows.Select(r => data.Cell(r, column)).ToArray();
            if (data.Cell(totalRow, column) is { } total && TableArithmetic.OutcomesHold(total, outcomes.Select(o => (decimal?)o)) == false)
            {
                var sum = outcomes.Sum(o => (long)o!.Value);
                c.Add(DiagnosticCodes.OutcomeTotal,
                    $"表三「{totalRow.FullName}」「{column.Label}」列为 {N(total)}，但各项办理结果之和为 {N(sum)}",
                    "三", totalRow.DisplayName, column.Label, CellRef.Of(totalRow, column).Path);
            }

            if (data.Cell(received, column) is { } a && data.Cell(carriedOver, column) is { } b
                && data.Cell(totalRow, column) is { } t && data.Cell(carriedForward, column) is { } f
                && TableArithmetic.BalanceHolds(a, b, t, f) == false)
            {
                c.Add(DiagnosticCodes.Balance,
                    $"表三「{column.Label}」列不平衡：一、本年新收（{N(a)}）+ 二、上年结转（{N(b)}）= {N((long)a + b)}，" +
                    $"不等于 三、本年度办理结果（七）总计（{N(t)}）+ 四、结转下年度继续办理（{N(f)}）= {N((long)t + f)}",
                    "三", null, column.Label, $"requests.*.{column.Key}");
            }
        }
    }

    private static readonly (string Key, string Label)[] _appealColumns =
        AppealTable.Columns.Select(col => (col.Key, col.Label)).ToArray();

    private static void CheckAppeals(AnnualReport report, Collector c)
    {
        if (report.Appeals is not { } data)
        {
            return;
        }

        foreach (var group in AppealTable.Groups)
        {
            CheckCountRow(c, "四", group.DisplayName, CellRef.Of(group).Path, data[group], _appealColumns, DiagnosticCodes.AppealTotal, "结果维持、结果纠正、其他结果、尚未审结");
        }
    }

    /// <summary>
    /// A row of counts whose last column is the total of the others (table 三's 总计, table 四's
    /// groups): missing row, blank cells, negatives, and the total.
    /// </summary>
    private static void CheckCountRow(Collector c, string table, string rowName, string path, int?[]? cells, (string Key, string Label)[] columns, string totalCode, string partsName)
    {
        if (!CheckCells(c, table, rowName, path, cells, columns))
        {
            return;
        }

        for (var i = 0; i < columns.Length; i++)
        {
            if (cells![i] is < 0 and var v)
            {
                c.Add(DiagnosticCodes.Negative, $"表{table}「{rowName}」「{columns[i].Label}」为负数（{N(v)}）", table, rowName, columns[i].Label, $"{path}.{columns[i].Key}");
            }
        }

        if (TableArithmetic.PartsSum(cells!.Select(x => (decimal?)x).ToArray()) is { } sum && cells![^1] is { } total && sum != total)
        {
            var totalColumn = columns[^1];
            c.Add(totalCode, $"表{table}「{rowName}」「{totalColumn.Label}」为 {N(total)}，但{partsName}之和为 {N(sum)}",
                table, rowName, totalColumn.Label, $"{path}.{totalColumn.Key}");
        }
    }

    /// <summary>
    /// Cross-year stock check (gip-rules §2.5, software practice): 2021 edition 现行有效(Y) =
    /// 现行有效(Y−1) + 本年制发(Y) − 本年废止(Y); 2019 edition 上一年项目数量(Y) =
    /// 上一年项目数量(Y−1) + 本年增/减(Y−1).
    /// </summary>
    private static void CheckInForce(AnnualReport report, Collector c)
    {
        if (c.Context.PreviousYear is not { } prev || prev.Year != report.Year - 1
            || prev.Edition != report.Edition || report.Proactive is not { } now || prev.Proactive is not { } before)
        {
            return;
        }

        foreach (var row in now.Rows)
        {
            if (now[row] is null || before[row.Key] is null)
            {
                continue;
            }

            var (stockKey, expected) = report.Edition switch
            {
                Edition.V2021 when row.Columns.Any(col => col.Key == "inForce") =>
                    ("inForce", before.Cell(row.Key, "inForce") + now.Cell(row.Key, "issued") - now.Cell(row.Key, "repealed")),
                Edition.V2019 when row.Columns.Any(col => col.Key == "change") =>
                    ("previous", before.Cell(row.Key, "previous") + before.Cell(row.Key, "change")),
                _ => ((string?)null, (decimal?)null),
            };

            if (stockKey is null || expected is null || now.Cell(row.Key, stockKey) is not { } actual || actual == expected)
            {
                continue;
            }

            var column = row.Columns.First(col => col.Key == stockKey);
            c.Add(DiagnosticCodes.InForce,
                $"表二「{row.Label}」「{column.Label}」为 {N(actual)}，按{N(prev.Year)}年度报告推算应为 {N(expected.Value)}",
                "二", row.Label, column.Label, CellRef.Of(row, stockKey).Path);
        }
    }

    /// <summary>Cross-year (gip-rules §2.5): 二、上年结转 (Y) = 四、结转下年度继续办理 (Y−1), per column.</summary>
    private static void CheckCarryOver(AnnualReport report, Collector c)
    {
        if (c.Context.PreviousYear is not { } prev || prev.Year != report.Year - 1
            || report.Requests is not { } now || prev.Requests is not { } before)
        {
            return;
        }

        var carried = RequestTable.Row(report.Edition, RequestRowKind.CarriedOver);
        var forward = RequestTable.Row(prev.Edition, RequestRowKind.CarriedForward);
        foreach (var column in ApplicantColumns.All)
        {
            if (now.Cell(carried, column) is { } a && before.Cell(forward, column) is { } b && a != b)
            {
                c.Add(DiagnosticCodes.CarryOver,
                    $"表三「{carried.Label}」「{column.Label}」为 {N(a)}，但{N(prev.Year)}年度报告「{forward.Label}」为 {N(b)}",
                    "三", carried.Label, column.Label, $"requests.carriedOver.{column.Key}");
            }
        }
    }

    /// <summary>Words that show section 六 speaks of the 信息处理费 (国办函〔2020〕109号).</summary>
    private static readonly string[] _feeWords = ["信息处理费", "收费", "费用"];

    private static void CheckFeeStatement(AnnualReport report, Collector c)
    {
        if (report.Edition != Edition.V2021 || report.Sections.Other is not { } other)
        {
            return;
        }

        if (!_feeWords.Any(w => other.Contains(w, StringComparison.Ordinal)))
        {
            c.Add(DiagnosticCodes.FeeStatement,
                "「六、其他需要报告的事项」未说明本年度信息处理费的收取情况（国办函〔2020〕109号）",
                ReportSections.Other, path: "sections.other");
        }
    }

    /// <summary>
    /// 条例 第四十九条: 部门 (and 街道、乡镇) publish by 1月31日; the report of a 县级以上地方人民政府
    /// is published by 3月31日.
    /// </summary>
    private static void CheckPublicationDate(AnnualReport report, Collector c)
    {
        if (c.Context.PublishedOn is not { } published)
        {
            return;
        }

        var deadline = PublicationDeadline(report);
        if (published > deadline)
        {
            c.Add(DiagnosticCodes.LatePublication,
                $"报告于 {published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} 公布，晚于条例第四十九条规定的 {deadline.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)}",
                path: "year");
        }
    }

    public static DateOnly PublicationDeadline(AnnualReport report) => PublicationDeadline(report.Agency ?? "", report.Year);

    /// <summary>The last day 第四十九条 allows for publishing <paramref name="agency"/>'s report on <paramref name="year"/>.</summary>
    public static DateOnly PublicationDeadline(string agency, int year)
    {
        var isLocalGovernment = agency.EndsWith("人民政府", StringComparison.Ordinal)
            && !agency.EndsWith("乡人民政府", StringComparison.Ordinal)
            && !agency.EndsWith("镇人民政府", StringComparison.Ordinal);
        return isLocalGovernment ? new DateOnly(year + 1, 3, 31) : new DateOnly(year + 1, 1, 31);
    }
}
