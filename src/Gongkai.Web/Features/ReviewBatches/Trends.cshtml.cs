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
    public static readonly IReadOnlyList<(string Key, string Label)> Columns =
    [
        ("received", "新收申请"), ("closed", "办结"), ("disclosed", "予以公开率"), ("withheld", "不予公开"), ("unavailable", "无法提供"),
        ("reconsiderations", "行政复议"), ("reconsiderationsCorrected", "复议纠正率"), ("litigations", "行政诉讼"), ("litigationsCorrected", "诉讼纠正率"), ("normative", "规章和规范性文件制发"),
    ];

    public ReviewBatchRow Batch { get; private set; } = null!;

    public string Sort { get; private set; } = "received";

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
                sheet.Row([year, row.Agency, .. Columns.Select(c => (object?)Cell(row, c.Key)), ReferenceEquals(row, sum) ? null : ranks[row],
                    .. WithheldReasons.Select(r => (object?)row.WithheldByReason.GetValueOrDefault(r))]);
            }
        }

        using var stream = new MemoryStream();
        XlsxWorkbook.Write(stream, [sheet]);
        return File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"趋势-{Batch.Id}.xlsx");
    }

    /// <summary>A cell as shown: a count, or a rate as 「37.5%（3/8）」 — with 「样本不足」 under the small-sample guard.</summary>
    public static string Cell(TrendRow row, string key)
    {
        static string R(Rate rate) => rate.Percent is not { } p ? $"—（{rate.Part}/{rate.Whole}）"
            : rate.Ranked ? $"{p:0.0}%（{rate.Part}/{rate.Whole}）" : $"{rate.Part}/{rate.Whole}（样本不足）";
        return key switch
        {
            "received" => row.Received.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "closed" => row.Closed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "disclosed" => R(row.Disclosed),
            "withheld" => row.Withheld.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "unavailable" => row.Unavailable.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "reconsiderations" => row.Reconsiderations.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "reconsiderationsCorrected" => R(row.ReconsiderationsCorrected),
            "litigations" => row.Litigations.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "litigationsCorrected" => R(row.LitigationsCorrected),
            _ => row.NormativeIssued.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private static decimal SortValue(TrendRow row, string key) => key switch
    {
        "closed" => row.Closed,
        "disclosed" => row.Disclosed.Ranked ? row.Disclosed.Percent ?? -1 : -1,
        "withheld" => row.Withheld,
        "unavailable" => row.Unavailable,
        "reconsiderations" => row.Reconsiderations,
        "reconsiderationsCorrected" => row.ReconsiderationsCorrected.Ranked ? row.ReconsiderationsCorrected.Percent ?? -1 : -1,
        "litigations" => row.Litigations,
        "litigationsCorrected" => row.LitigationsCorrected.Ranked ? row.LitigationsCorrected.Percent ?? -1 : -1,
        "normative" => row.NormativeIssued,
        _ => row.Received,
    };

    private async Task<bool> LoadAsync(long id, string? sort, CancellationToken ct)
    {
        var batch = await db.ReviewBatches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct);
        if (batch is null || !Staff.SupervisesOthers || !Staff.Covers(batch.AgencyId))
        {
            return false;
        }

        (Batch, Sort) = (batch, Columns.Any(c => c.Key == sort) ? sort! : "received");
        var reports = await store.ReportsAsync(id, ct);
        var names = Staff.Agencies.ToDictionary(a => a.Id, a => a.Name);
        var current = reports.Where(r => r.AgencyId is not null && r.Year is not null && r.Json is not null)
            .GroupBy(r => (r.AgencyId!, r.Year!.Value)).Select(g => g.OrderByDescending(r => r.Id).First()).ToArray();
        Years = current.GroupBy(r => r.Year!.Value).OrderByDescending(g => g.Key).Select(g =>
        {
            var rows = g.Select(r => Trends.Of(names.GetValueOrDefault(r.AgencyId!, r.AgencyId!), AnnualReportJson.Read(r.Json!)))
                .OrderByDescending(r => SortValue(r, Sort)).ThenBy(r => r.Agency, StringComparer.Ordinal).ToArray();
            return (g.Key, Trends.Sum(names.GetValueOrDefault(batch.AgencyId, batch.AgencyId) + "（合计）", g.Key, rows), (IReadOnlyList<TrendRow>)rows);
        }).ToArray();
        WithheldReasons = Years.SelectMany(y => y.Sum.WithheldByReason.Keys).Distinct().ToArray();
        return true;
    }
}
