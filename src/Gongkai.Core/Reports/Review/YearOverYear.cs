using Gongkai.Core.Statute;

namespace Gongkai.Core.Reports.Review;

/// <summary>One figure of an agency's report beside the previous year's.</summary>
/// <param name="Share">Whether the figure is a share (予以公开 rate, 纠正 rate…), shown as a percentage.</param>
public sealed record FigureChange(string Group, string Label, decimal? Previous, decimal? Current, bool Share = false)
{
    public decimal? Change => Previous is { } p && Current is { } c ? c - p : null;

    /// <summary>The relative change of a count, when the previous year's is not zero.</summary>
    public decimal? Percent => !Share && Previous is { } p and not 0 && Current is { } c ? Math.Round((c - p) * 100m / p, 1) : null;
}

/// <summary>
/// An agency's report beside its previous year's (年报审查): the main figures — 主动公开 (规章, 规范性文件, 许可,
/// 处罚), 新收申请 and 上年结转, each outcome's count and share of the year's closed applications, 结转下年度,
/// 复议 and 诉讼 with their 纠正 rate — and every row of table 三 (总计 column) and 四. The cross-year rules
/// (<c>carry-over</c>, <c>in-force</c>) are the checker's, run with the previous report as context.
/// </summary>
public static class YearOverYear
{
    public static IReadOnlyList<FigureChange> Compare(AnnualReport current, AnnualReport previous)
    {
        var figures = new List<FigureChange>();
        foreach (var row in ProactiveTable.Rows(current.Edition).Where(r => ProactiveTable.Rows(previous.Edition).Any(p => p.Key == r.Key)))
        {
            var previousRow = ProactiveTable.Rows(previous.Edition).First(p => p.Key == row.Key);
            for (var c = 0; c < row.Columns.Count; c++)
            {
                var pc = previousRow.Columns.ToList().FindIndex(x => x.Key == row.Columns[c].Key);
                if (pc >= 0)
                {
                    figures.Add(new FigureChange("主动公开", $"{row.Label}：{row.Columns[c].Label}", previous.Proactive?[previousRow]?[pc], current.Proactive?[row]?[c]));
                }
            }
        }

        var total = ApplicantColumns.Total.Index;
        decimal? Cell(AnnualReport r, RequestRowKind kind) => r.Requests?.Cell(RequestTable.Row(r.Edition, kind), ApplicantColumns.Total);
        decimal? Row(AnnualReport r, string key) => r.Requests?[key]?[total];
        foreach (var (kind, label) in new[] { (RequestRowKind.Received, "本年新收政府信息公开申请数量"), (RequestRowKind.CarriedOver, "上年结转政府信息公开申请数量"), (RequestRowKind.Total, "本年度办理结果总计"), (RequestRowKind.CarriedForward, "结转下年度继续办理") })
        {
            figures.Add(new FigureChange("依申请公开", label, Cell(previous, kind), Cell(current, kind)));
        }

        foreach (var row in RequestTable.OutcomeRows(current.Edition))
        {
            var label = row.Group is { } g ? $"{g} {row.Label}" : row.Label;
            var (p, c) = (Row(previous, row.Key), Row(current, row.Key));
            figures.Add(new FigureChange("办理结果", label, p, c));
            figures.Add(new FigureChange("办理结果占比", label, Share(p, Cell(previous, RequestRowKind.Total)), Share(c, Cell(current, RequestRowKind.Total)), Share: true));
        }

        foreach (var group in AppealTable.Groups)
        {
            decimal? Of(AnnualReport r, string column) => r.Appeals?.Cell(group, AppealTable.Columns.First(x => x.Key == column));
            figures.Add(new FigureChange("复议诉讼", $"{group.Label}：总计", Of(previous, AppealTable.Total.Key), Of(current, AppealTable.Total.Key)));
            figures.Add(new FigureChange("复议诉讼", $"{group.Label}：纠正", Of(previous, "corrected"), Of(current, "corrected")));
            figures.Add(new FigureChange("复议诉讼", $"{group.Label}：纠正率", Share(Of(previous, "corrected"), Of(previous, AppealTable.Total.Key)), Share(Of(current, "corrected"), Of(current, AppealTable.Total.Key)), Share: true));
        }

        return figures;
    }

    /// <summary>A share in percent with one decimal, or null when the whole is unknown or zero.</summary>
    public static decimal? Share(decimal? part, decimal? whole) => part is { } p && whole is { } w and not 0 ? Math.Round(p * 100m / w, 1) : null;
}
