using Gongkai.Core.Reports;
using Gongkai.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Reports;

/// <summary>One filed version of a year's report: 1 as first published, then each 更正版.</summary>
public sealed record FiledVersion(int Version, DateTime LockedAtUtc, string LockedBy);

/// <summary>The report as filed (its latest version), its earlier versions, and what later record changes would restate.</summary>
public sealed record LockedReport(AnnualReport Filed, DateTime LockedAtUtc, string LockedBy, IReadOnlyList<CellChange> Restatement, int Version = 1, IReadOnlyList<FiledVersion>? Earlier = null)
{
    /// <summary>The versions before this one, oldest first; empty for a report never restated.</summary>
    public IReadOnlyList<FiledVersion> EarlierVersions => Earlier ?? [];
}

/// <summary>
/// Locks a published year: the report is frozen as filed. Generating it again returns the filed
/// report, and changes to its records since then come back as a restatement (cell by cell)
/// instead of silently changing what was published. A restatement is published as a new version
/// (更正版); every earlier version is kept and stays readable. The rules for who may lock and
/// when are <see cref="ReportLockRules"/>, applied by <see cref="ReportPublishing"/>; this class
/// only stores.
/// </summary>
public static class ReportLocks
{
    /// <summary>Stores the report built from the records now as the year's next version (1 if none).</summary>
    public static async Task<AnnualReport> LockAsync(GongkaiDbContext db, string agencyId, int year, bool includeSubordinates, string actor, CancellationToken ct = default, bool restate = false)
    {
        var latest = await db.ReportLocks.Where(l => l.AgencyId == agencyId && l.Year == year).MaxAsync(l => (int?)l.Version, ct).ConfigureAwait(false);
        if (latest is not null && !restate)
        {
            throw new InvalidOperationException($"{agencyId} 的 {year} 年度报告已经锁定；如需更正，请发布更正版");
        }

        var report = await RecordsReport.BuildAsync(db, agencyId, year, includeSubordinates, ct).ConfigureAwait(false);
        var version = (latest ?? 0) + 1;
        db.ReportLocks.Add(new ReportLockRow
        {
            AgencyId = agencyId, Year = year, Version = version, IncludeSubordinates = includeSubordinates, LockedBy = actor,
            Json = AnnualReportJson.Write(report),
        });
        db.Audit.Add(AuditRow.Of(actor, "report", $"{agencyId}/{year}", version == 1 ? "locked" : "restated", after: new { version }));
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return report;
    }

    /// <summary>The report as filed (its latest version, what the portal publishes), or null if the year is not locked. No restatement is computed.</summary>
    public static async Task<AnnualReport?> FiledAsync(GongkaiDbContext db, string agencyId, int year, CancellationToken ct = default, int? version = null) =>
        await db.ReportLocks.AsNoTracking().Where(l => l.AgencyId == agencyId && l.Year == year && (version == null || l.Version == version))
                .OrderByDescending(l => l.Version).Select(l => l.Json).FirstOrDefaultAsync(ct).ConfigureAwait(false) is { } json
            ? AnnualReportJson.Read(json)
            : null;

    /// <summary>Every filed version of a year, oldest first.</summary>
    public static async Task<IReadOnlyList<FiledVersion>> VersionsAsync(GongkaiDbContext db, string agencyId, int year, CancellationToken ct = default) =>
        await db.ReportLocks.AsNoTracking().Where(l => l.AgencyId == agencyId && l.Year == year).OrderBy(l => l.Version)
            .Select(l => new FiledVersion(l.Version, l.LockedAtUtc, l.LockedBy)).ToListAsync(ct).ConfigureAwait(false);

    /// <summary>The latest filed version, its earlier versions and its restatement, or null if the year is not locked.</summary>
    public static async Task<LockedReport?> FindAsync(GongkaiDbContext db, string agencyId, int year, CancellationToken ct = default)
    {
        var rows = await db.ReportLocks.AsNoTracking().Where(l => l.AgencyId == agencyId && l.Year == year).OrderBy(l => l.Version).ToListAsync(ct).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            return null;
        }

        var row = rows[^1];
        var filed = AnnualReportJson.Read(row.Json);
        var now = await RecordsReport.BuildAsync(db, agencyId, year, row.IncludeSubordinates, ct).ConfigureAwait(false);
        return new LockedReport(filed, row.LockedAtUtc, row.LockedBy, ReportCells.Diff(filed, now), row.Version,
            rows.Take(rows.Count - 1).Select(r => new FiledVersion(r.Version, r.LockedAtUtc, r.LockedBy)).ToArray());
    }
}
