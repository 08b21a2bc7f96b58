using Gongkai.Core.Statute;

namespace Gongkai.Core.Reports.Review;

/// <summary>A rate with the counts it comes from; <see cref="Ranked"/> is false below <see cref="Trends.MinimumCases"/>.</summary>
public sealed record Rate(int Part, int Whole)
{
    public decimal? Percent => Whole == 0 ? null : Math.Round(Part * 100m / Whole, 1);

    /// <summary>Whether the rate rests on enough cases to be compared with others (the small-sample guard).</summary>
    public bool Ranked => Whole >= Trends.MinimumCases;
}

/// <summary>One agency's year in the trend tables (or the sum of a government's agencies).</summary>
public sealed record TrendRow(
    string Agency,
    int Year,
    int Received,
    int Closed,
    Rate Disclosed,
    IReadOnlyDictionary<string, int> WithheldByReason,
    int Withheld,
    int Unavailable,
    int Reconsiderations,
    Rate ReconsiderationsCorrected,
    int Litigations,
    Rate LitigationsCorrected,
    int NormativeIssued);

/// <summary>
/// Trends across years and agencies for the 政务公开办 (年报审查): 新收申请, 予以公开 rate, 不予公开 by reason, 无法提供,
/// 复议 and 诉讼 with their 纠正 rates, and the rules and normative documents issued (主动公开). A rate over fewer than
/// <see cref="MinimumCases"/> cases is shown with its counts and never ranked: three cases, one corrected, is not a
/// 33 % correction rate to compare with a department's 400.
/// </summary>
public static class Trends
{
    public const int MinimumCases = 10;

    public static TrendRow Of(string agency, AnnualReport r)
    {
        var total = ApplicantColumns.Total.Index;
        int Row(string key) => r.Requests?[key]?[total] ?? 0;
        int Kind(RequestRowKind kind) => r.Requests?.Cell(RequestTable.Row(r.Edition, kind), ApplicantColumns.Total) ?? 0;
        var withheld = RequestTable.OutcomeRows(r.Edition).Where(x => x.Group == RequestTable.GroupWithheld).ToDictionary(x => x.Label, x => Row(x.Key));
        var unavailable = RequestTable.OutcomeRows(r.Edition).Where(x => x.Group == RequestTable.GroupUnavailable).Sum(x => Row(x.Key));
        int Appeal(int group, string column) => r.Appeals?.Cell(AppealTable.Groups[group], AppealTable.Columns.First(c => c.Key == column)) ?? 0;
        var reconsidered = Appeal(0, AppealTable.Total.Key);
        var litigated = Appeal(1, AppealTable.Total.Key) + Appeal(2, AppealTable.Total.Key);
        var normative = ProactiveTable.Rows(r.Edition).Where(x => x.Key is "rules" or "normativeDocuments").Sum(x => (int)(r.Proactive?[x]?[0] ?? 0));
        return new TrendRow(agency, r.Year, Kind(RequestRowKind.Received), Kind(RequestRowKind.Total), new Rate(Row("disclosed"), Kind(RequestRowKind.Total)),
            withheld, withheld.Values.Sum(), unavailable, reconsidered, new Rate(Appeal(0, "corrected"), reconsidered),
            litigated, new Rate(Appeal(1, "corrected") + Appeal(2, "corrected"), litigated), normative);
    }

    /// <summary>The government's row: the sum of its agencies' rows of one year.</summary>
    public static TrendRow Sum(string government, int year, IReadOnlyList<TrendRow> rows) => new(
        government, year, rows.Sum(r => r.Received), rows.Sum(r => r.Closed),
        new Rate(rows.Sum(r => r.Disclosed.Part), rows.Sum(r => r.Disclosed.Whole)),
        rows.SelectMany(r => r.WithheldByReason).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Sum(p => p.Value)),
        rows.Sum(r => r.Withheld), rows.Sum(r => r.Unavailable), rows.Sum(r => r.Reconsiderations),
        new Rate(rows.Sum(r => r.ReconsiderationsCorrected.Part), rows.Sum(r => r.ReconsiderationsCorrected.Whole)),
        rows.Sum(r => r.Litigations), new Rate(rows.Sum(r => r.LitigationsCorrected.Part), rows.Sum(r => r.LitigationsCorrected.Whole)),
        rows.Sum(r => r.NormativeIssued));

    /// <summary>
    /// Ranks by a rate, highest first (1 = highest); rows under the small-sample guard get no rank (null) and do not
    /// push others down.
    /// </summary>
    public static IReadOnlyDictionary<TrendRow, int?> RankBy(IReadOnlyList<TrendRow> rows, Func<TrendRow, Rate> rate)
    {
        var ranked = rows.Where(r => rate(r).Ranked && rate(r).Percent is not null).OrderByDescending(r => rate(r).Percent).ToList();
        return rows.ToDictionary(r => r, r => ranked.IndexOf(r) is var i and >= 0 ? (int?)(i + 1) : null, ReferenceEqualityComparer.Instance as IEqualityComparer<TrendRow>);
    }
}
