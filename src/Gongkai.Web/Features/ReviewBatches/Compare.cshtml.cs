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

    public async Task<IActionResult> OnGetAsync(long id, string agencyId, CancellationToken ct)
    {
        var batch = await db.ReviewBatches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct);
        if (batch is null || !Staff.SupervisesOthers || !Staff.Covers(batch.AgencyId) || !Staff.Covers(agencyId))
        {
            return NotFound();
        }

        var reports = await store.ReportsAsync(id, ct);
        if (ReviewStore.Current(reports, agencyId, batch.Year) is not { } now || ReviewStore.Current(reports, agencyId, batch.Year - 1) is not { } before)
        {
            return NotFound();
        }

        (Batch, AgencyName) = (batch, Staff.Agencies.First(a => a.Id == agencyId).Name);
        var (current, previous) = (AnnualReportJson.Read(now.Json!), AnnualReportJson.Read(before.Json!));
        Figures = YearOverYear.Compare(current, previous);
        var checkedNow = DiagnosticJson.ReadArray(now.Diagnostics);
        CrossYear = checkedNow.Where(d => d.Code is DiagnosticCodes.CarryOver or DiagnosticCodes.InForce).ToArray();
        NarrativeNow = checkedNow.Where(d => d.Code == DiagnosticCodes.TextTableMismatch).ToArray();
        NarrativeBefore = DiagnosticJson.ReadArray(before.Diagnostics).Where(d => d.Code == DiagnosticCodes.TextTableMismatch).ToArray();
        return Page();
    }
}
