using Gongkai.Core.Statute;

namespace Gongkai.Core.Cases;

/// <summary>
/// Which year's table 四 an appeal is counted in, and where. An appeal is counted in the year it
/// is filed — with its result if decided by 31 December, else 尚未审结 — and, if it was still pending
/// at the end of an earlier year, again in the year it concludes, with its result. Without the
/// second count a 复议 filed in November and decided in February would show 尚未审结 and then vanish:
/// its result would appear in no report.
/// </summary>
public static class AppealCounting
{
    /// <summary>The rule in one sentence (README, drill-down).</summary>
    public const string Rule = "复议、诉讼在申请（起诉）当年计入表四（年底未审结的计入「尚未审结」）；跨年审结的，在审结当年再按结果计入一次";

    /// <summary>The group of table 四 of an appeal kind.</summary>
    public static AppealGroup GroupOf(AppealKind kind) => kind switch
    {
        AppealKind.Reconsideration => AppealTable.Groups.Single(g => g.Key == "reconsideration"),
        AppealKind.LitigationDirect => AppealTable.Groups.Single(g => g.Key == "litigationDirect"),
        AppealKind.LitigationAfterReconsideration => AppealTable.Groups.Single(g => g.Key == "litigationAfterReconsideration"),
    };

    /// <summary>The result column of table 四; null (no result) is 尚未审结.</summary>
    public static AppealColumn ColumnOf(AppealResult? result) => result switch
    {
        AppealResult.Upheld => AppealTable.Columns.Single(c => c.Key == "upheld"),
        AppealResult.Corrected => AppealTable.Columns.Single(c => c.Key == "corrected"),
        AppealResult.Other => AppealTable.Columns.Single(c => c.Key == "other"),
        null => AppealTable.Columns.Single(c => c.Key == "pending"),
    };

    /// <summary>The column an appeal is counted in for <paramref name="year"/>, or null if that year's table does not count it.</summary>
    public static AppealColumn? ColumnIn(AppealRecord appeal, int year)
    {
        var last = new DateOnly(year, 12, 31);
        if (appeal.FiledOn.Year == year)
        {
            return ColumnOf(appeal.PendingOn(last) ? null : appeal.Result);
        }

        return appeal.FiledOn.Year < year && appeal.Result is { } result && appeal.DecidedOn is { } decided && decided.Year == year
            ? ColumnOf(result)
            : null;
    }
}
