using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Review;
using Gongkai.Data.Model;
using Gongkai.Data.Review;
using Gongkai.Documents.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Features.ReviewBatches;

/// <summary>
/// Trends of a batch (<see cref="Trends"/>): for every year it holds, each agency's current report and the government's
/// sum, in a table sorted by any column (a link, no JavaScript needed), ranked by 予以公开 and 纠正 rates with the
/// small-sample guard; and the same as XLSX.
/// </summary>
public sealed class TrendsModel(GongkaiDbContext db, ReviewStore store, StaffScopes scopes) : StaffPage(scopes)
{
    /// <summary>A column of the trend tables: a count, or a rate (shown with its counts, sorted only when it passes the small-sample guard).</summary>
    public sealed record Column(string Key, string Label, Func<TrendRow, int>? Count = null, Func<TrendRow, Rate>? Rate = null)
    {
        public string Text(TrendRow row) => Rate is { } rate ? RateText(rate(row)) : Count!(row).ToString(System.Globalization.CultureInfo.InvariantCulture);

        public decimal SortValue(TrendRow row) => Rate is { } rate ? (rate(row) is { Ranked: true, Percent: { } p } ? p : -1) : Count!(row);

        private static string RateText(Rate rate) => rate.Percent is not { } p ? $"—（{rate.Part}/{rate.Whole}）"
            : rate.Ranked ? $"{p:0.0}%（{rate.Part}/{rate.Whole}）" : $"{rate.Part}/{rate.Whole}（样本不足）";
    }

    public static readonly IReadOnlyList<Column> Columns =
    [
        new("received", "新收申请", r => r.Received), new("closed", "办结", r => r.Closed), new("disclosed", "予以公开率", Rate: r => r.Disclosed),
        new("withheld", "不予公开", r => r.Withheld), new("unavailable", "无法提供", r => r.Unavailable),
        new("reconsiderations", "行政复议", r => r.Reconsiderations), new("reconsiderationsCorrected", "复议纠正率", Rate: r => r.ReconsiderationsCorrected),
        new("litigations", "行政诉讼", r => r.Litigations), new("litigationsCorrected", "诉讼纠正率", Rate: r => r.LitigationsCorrected),
        new("normative", "规章和规范性文件制发", r => r.NormativeIssued),
    ];

    public ReviewBatchRow Batch { get; private set; } = null!;

    public Column Sort { get; private set; } = Columns[0];

    /// <summary>Per year: the government's sum, then its agencies sorted.</summary>
    public IReadOnlyList<(int Year, TrendRow Sum, IReadOnlyList<TrendRow> Agencies)> Years { get; private set; } = [];

    public IReadOnlyList<string> WithheldReasons { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, string? sort, CancellationToken ct) =>
        await LoadAsync(id, sort, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetXlsxAsync(long id, string? sort, CancellationToken ct)
    {
        if (!await LoadAsync(id, sort, ct))
        {
            return NotFound();
        }

        var sheet = new XlsxSheet("趋势") { Landscape = true };
        sheet.Row($"{Batch.Name} 各机关主要数据（比率低于 {Trends.MinimumCases} 件的不参与排名）");
        sheet.Row(["年度", "机关", .. Columns.Select(c => c.Label), "予以公开率排名", .. WithheldReasons.Select(r => "不予公开：" + r)]);
        foreach (var (year, sum, agencies) in Years)
        {
            var ranks = Trends.RankBy(agencies, r => r.Disclosed);
            foreach (var row in agencies.Prepend(sum))
            {
                sheet.Row([year, row.Agency, .. Columns.Select(c => (object?)c.Text(row)), ReferenceEquals(row, sum) ? null : ranks[row],
                    .. WithheldReasons.Select(r => (object?)row.WithheldByReason.GetValueOrDefault(r))]);
            }
        }

        using var stream = new MemoryStream();
        XlsxWorkbook.Write(stream, [sheet]);
        return File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"趋势-{Batch.Id}.xlsx");
    }

    private async Task<bool> LoadAsync(long id, string? sort, CancellationToken ct)
    {
        var batch = await db.ReviewBatches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct);
        if (batch is null || !Staff.SupervisesOthers || !Staff.Covers(batch.AgencyId))
        {
            return false;
        }

        (Batch, Sort) = (batch, Columns.FirstOrDefault(c => c.Key == sort) ?? Columns[0]);
        var reports = await store.ReportsAsync(id, ct);
        var names = Staff.Agencies.ToDictionary(a => a.Id, a => a.Name);
        var current = reports.Where(r => r.AgencyId is not null && r.Year is not null && r.Json is not null)
            .GroupBy(r => (r.AgencyId!, r.Year!.Value)).Select(g => g.OrderByDescending(r => r.Id).First()).ToArray();
        Years = current.GroupBy(r => r.Year!.Value).OrderByDescending(g => g.Key).Select(g =>
        {
            var rows = g.Select(r => Trends.Of(names.GetValueOrDefault(r.AgencyId!, r.AgencyId!), AnnualReportJson.Read(r.Json!)))
                .OrderByDescending(Sort.SortValue).ThenBy(r => r.Agency, StringComparer.Ordinal).ToArray();
            return (g.Key, Trends.Sum(names.GetValueOrDefault(batch.AgencyId, batch.AgencyId) + "（合计）", g.Key, rows), (IReadOnlyList<TrendRow>)rows);
        }).ToArray();
        WithheldReasons = Years.SelectMany(y => y.Sum.WithheldByReason.Keys).Distinct().ToArray();
        return true;
    }
}
