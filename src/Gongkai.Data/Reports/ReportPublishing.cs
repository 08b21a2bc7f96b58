using Gongkai.Core.Calendar;
using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Rules;
using Gongkai.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Reports;

/// <summary>A lock refused by <see cref="ReportLockRules"/>; nothing was written.</summary>
public sealed class ReportLockException(IReadOnlyList<string> reasons) : InvalidOperationException(string.Join("；", reasons))
{
    public IReadOnlyList<string> Reasons { get; } = reasons;
}

/// <summary>
/// The 审核 → 锁定并发布 use case shared by the workspace and the command line: the review is
/// recorded on the saved narrative; the lock checks <see cref="ReportLockRules"/> against the report
/// as it would be filed (today from the context's clock), stores the next version and consumes the
/// review, so a 更正版 needs its own.
/// </summary>
public static class ReportPublishing
{
    /// <summary>Records the 审核 of the narrative as saved (the drafted one if none was saved yet).</summary>
    public static async Task ReviewAsync(GongkaiDbContext db, string agencyId, int year, bool includeSubordinates, string actor, CancellationToken ct = default)
    {
        var row = await db.ReportDrafts.SingleOrDefaultAsync(d => d.AgencyId == agencyId && d.Year == year, ct).ConfigureAwait(false);
        if (row is null)
        {
            var drafted = (await RecordsReport.BuildAsync(db, agencyId, year, includeSubordinates, ct).ConfigureAwait(false)).Sections;
            row = new ReportDraftRow { AgencyId = agencyId, Year = year, Overview = drafted.Overview, Problems = drafted.Problems, Other = drafted.Other, UpdatedBy = actor, UpdatedAtUtc = db.Clock.UtcNow() };
            db.ReportDrafts.Add(row);
        }

        (row.ReviewedBy, row.ReviewedAtUtc) = (actor, db.Clock.UtcNow());
        db.Audit.Add(AuditRow.Of(actor, "report", $"{agencyId}/{year}", "reviewed"));
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Who reviewed the saved narrative, or null.</summary>
    public static async Task<string?> ReviewedByAsync(GongkaiDbContext db, string agencyId, int year, CancellationToken ct = default) =>
        await db.ReportDrafts.AsNoTracking().Where(d => d.AgencyId == agencyId && d.Year == year).Select(d => d.ReviewedBy).SingleOrDefaultAsync(ct).ConfigureAwait(false);

    /// <summary>
    /// Locks and publishes the year (or, when <paramref name="restate"/>, publishes a 更正版), or throws
    /// <see cref="ReportLockException"/> with every reason it may not.
    /// </summary>
    public static async Task<AnnualReport> PublishAsync(
        GongkaiDbContext db, string agencyId, int year, bool includeSubordinates, string actor, bool warningsAcknowledged, CancellationToken ct = default, bool restate = false)
    {
        var report = await RecordsReport.BuildAsync(db, agencyId, year, includeSubordinates, ct).ConfigureAwait(false);
        var previous = await ReportLocks.FiledAsync(db, agencyId, year - 1, ct).ConfigureAwait(false)
            ?? await RecordsReport.TablesAsync(db, agencyId, year - 1, includeSubordinates, ct).ConfigureAwait(false);
        var diagnostics = ReportChecker.Check(report, new CheckContext { PreviousYear = previous });
        var reviewedBy = await ReviewedByAsync(db, agencyId, year, ct).ConfigureAwait(false);
        var refusals = ReportLockRules.Refusals(new LockRequest(report, db.Clock.TodayInChina(), diagnostics, warningsAcknowledged, reviewedBy, actor));
        if (refusals.Count > 0)
        {
            throw new ReportLockException(refusals);
        }

        var filed = await ReportLocks.LockAsync(db, agencyId, year, includeSubordinates, actor, ct, restate).ConfigureAwait(false);
        var draft = await db.ReportDrafts.SingleAsync(d => d.AgencyId == agencyId && d.Year == year, ct).ConfigureAwait(false);
        (draft.ReviewedBy, draft.ReviewedAtUtc) = (null, null);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return filed;
    }
}
