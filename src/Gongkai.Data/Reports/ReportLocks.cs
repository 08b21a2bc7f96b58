using Gongkai.Core.Reports;
using Gongkai.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Reports;

/// <summary>The report as filed and what later record changes would restate.</summary>
public sealed record LockedReport(AnnualReport Filed, DateTime LockedAtUtc, string LockedBy, IReadOnlyList<CellChange> Restatement);

/// <summary>
/// Locks a published year: the report is frozen as filed. Generating it again returns the filed
/// report, and changes to its records since then come back as a restatement (cell by cell)
/// instead of silently changing what was published.
/// </summary>
public static class ReportLocks
{
    public static async Task<AnnualReport> LockAsync(GongkaiDbContext db, string agencyId, int year, bool includeSubordinates, string actor, CancellationToken ct = default)
    {
        if (await db.ReportLocks.AnyAsync(l => l.AgencyId == agencyId && l.Year == year, ct).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"{agencyId} 的 {year} 年度报告已经锁定");
        }

        var report = await RecordsReport.BuildAsync(db, agencyId, year, includeSubordinates, ct).ConfigureAwait(false);
        db.ReportLocks.Add(new ReportLockRow
        {
            AgencyId = agencyId, Year = year, IncludeSubordinates = includeSubordinates, LockedBy = actor,
            Json = AnnualReportJson.Write(report),
        });
        db.Audit.Add(AuditRow.Of(actor, "report", $"{agencyId}/{year}", "locked"));
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return report;
    }

    /// <summary>The report as filed (what the portal publishes), or null if the year is not locked. No restatement is computed.</summary>
    public static async Task<AnnualReport?> FiledAsync(GongkaiDbContext db, string agencyId, int year, CancellationToken ct = default) =>
        await db.ReportLocks.AsNoTracking().Where(l => l.AgencyId == agencyId && l.Year == year).Select(l => l.Json).SingleOrDefaultAsync(ct).ConfigureAwait(false) is { } json
            ? AnnualReportJson.Read(json)
            : null;

    /// <summary>The filed report and its restatement, or null if the year is not locked.</summary>
    public static async Task<LockedReport?> FindAsync(GongkaiDbContext db, string agencyId, int year, CancellationToken ct = default)
    {
        var row = await db.ReportLocks.AsNoTracking().SingleOrDefaultAsync(l => l.AgencyId == agencyId && l.Year == year, ct).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        var filed = AnnualReportJson.Read(row.Json);
        var now = await RecordsReport.BuildAsync(db, agencyId, year, row.IncludeSubordinates, ct).ConfigureAwait(false);
        return new LockedReport(filed, row.LockedAtUtc, row.LockedBy, ReportCells.Diff(filed, now));
    }
}
