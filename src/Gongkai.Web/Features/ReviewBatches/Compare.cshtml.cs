using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Review;
using Gongkai.Core.Reports.Rules;
using Gongkai.Data.Model;
using Gongkai.Data.Review;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Features.ReviewBatches;

/// <summary>
/// An agency's report of the batch's year beside the previous year's (<see cref="YearOverYear"/>): the main figures with
/// their changes, the cross-year checks (上年结转 vs 结转下年度, 现行有效) and each report's narrative checks.
/// </summary>
public sealed class CompareModel(GongkaiDbContext db, ReviewStore store, StaffScopes scopes) : StaffPage(scopes)
{
    public ReviewBatchRow Batch { get; private set; } = null!;

    public string AgencyName { get; private set; } = "";

    public IReadOnlyList<FigureChange> Figures { get; private set; } = [];

    /// <summary>The cross-year diagnostics (carry-over, in-force) of this year's report.</summary>
    public IReadOnlyList<Diagnostic> CrossYear { get; private set; } = [];

    public IReadOnlyList<Diagnostic> NarrativeNow { get; private set; } = [];

    public IReadOnlyList<Diagnostic> NarrativeBefore { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, string agencyId, CancellationToken ct) =>
        await LoadAsync(id, agencyId, ct) ? Page() : NotFound();

    /// <summary>The same comparison as DOCX, for the review file.</summary>
    public async Task<IActionResult> OnGetDocxAsync(long id, string agencyId, CancellationToken ct)
    {
        if (!await LoadAsync(id, agencyId, ct))
        {
            return NotFound();
        }

        var (before, now) = ((Batch.Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Batch.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        string[][] table = [["项目", $"{before}年", $"{now}年", "变化"], .. Figures.Select(f => new[] { $"{f.Group}：{f.Label}", Number(f.Previous, f.Share), Number(f.Current, f.Share), Change(f) })];
        IReadOnlyList<string> Lines(IReadOnlyList<Diagnostic> list, string none) => list.Count == 0 ? [none] : list.Select(d => d.Message).ToArray();
        var sections = new List<Gongkai.Documents.Reports.DocxTableSection>
        {
            new("一、跨年度核对", Lines(CrossYear, "上年结转与上年度「结转下年度继续办理」一致，现行有效件数前后衔接。")),
            new("二、主要数据变化", [], table, [5, 1, 1, 2]),
            new("三、正文与表格", [.. Lines(NarrativeNow, $"{now}年：正文所述数字与表格一致。"), .. Lines(NarrativeBefore, $"{before}年：正文所述数字与表格一致。")]),
        };
        var bytes = Gongkai.Documents.Reports.ReportDocxWriter.WriteTables($"{AgencyName}{now}年与{before}年政府信息公开工作年度报告对比", sections);
        return File(bytes, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"年报对比-{AgencyName}-{now}.docx");
    }

    /// <summary>A figure as shown: a count, or a share in percent.</summary>
    public static string Number(decimal? v, bool share) =>
        v is { } x ? x.ToString(share ? "0.0" : "0.####", System.Globalization.CultureInfo.InvariantCulture) + (share ? "%" : "") : "—";

    /// <summary>A change: signed, in percentage points for a share, with the relative change of a count.</summary>
    public static string Change(FigureChange f)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        return f.Change is { } c
            ? (c > 0 ? "+" : "") + c.ToString(f.Share ? "0.0" : "0.####", inv) + (f.Share ? " 个百分点" : "") + (f.Percent is { } pct ? $"（{(pct > 0 ? "+" : "")}{pct.ToString("0.0", inv)}%）" : "")
            : "—";
    }

    private async Task<bool> LoadAsync(long id, string agencyId, CancellationToken ct)
    {
        var batch = await db.ReviewBatches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct);
        if (batch is null || !Staff.SupervisesOthers || !Staff.Covers(batch.AgencyId) || !Staff.Covers(agencyId))
        {
            return false;
        }

        var reports = await store.ReportsAsync(id, ct);
        if (ReviewStore.Current(reports, agencyId, batch.Year) is not { } now || ReviewStore.Current(reports, agencyId, batch.Year - 1) is not { } before)
        {
            return false;
        }

        (Batch, AgencyName) = (batch, Staff.Agencies.First(a => a.Id == agencyId).Name);
        var (current, previous) = (AnnualReportJson.Read(now.Json!), AnnualReportJson.Read(before.Json!));
        Figures = YearOverYear.Compare(current, previous);
        var checkedNow = DiagnosticJson.ReadArray(now.Diagnostics);
        CrossYear = checkedNow.Where(d => d.Code is DiagnosticCodes.CarryOver or DiagnosticCodes.InForce).ToArray();
        NarrativeNow = checkedNow.Where(d => d.Code == DiagnosticCodes.TextTableMismatch).ToArray();
        NarrativeBefore = DiagnosticJson.ReadArray(before.Diagnostics).Where(d => d.Code == DiagnosticCodes.TextTableMismatch).ToArray();
        return true;
    }
}
