using Gongkai.Core.Calendar;
using Gongkai.Core.Reports;
using Gongkai.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Reports;

/// <summary>
/// The narrative the clerk edits before the year is locked. The tables are always computed from the
/// records; only sections 一, 五 and 六 are kept, and a locked year refuses edits.
/// </summary>
public static class ReportDrafts
{
    public static async Task<ReportNarrative?> FindAsync(GongkaiDbContext db, string agencyId, int year, CancellationToken ct = default) =>
        await db.ReportDrafts.AsNoTracking().SingleOrDefaultAsync(d => d.AgencyId == agencyId && d.Year == year, ct).ConfigureAwait(false) is { } row
            ? new ReportNarrative(row.Overview, row.Problems, row.Other)
            : null;

    public static async Task SaveAsync(GongkaiDbContext db, string agencyId, int year, ReportNarrative narrative, string actor, CancellationToken ct = default)
    {
        if (await db.ReportLocks.AnyAsync(l => l.AgencyId == agencyId && l.Year == year, ct).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"{year} 年度报告已经锁定发布，不能再修改正文");
        }

        var row = await db.ReportDrafts.SingleOrDefaultAsync(d => d.AgencyId == agencyId && d.Year == year, ct).ConfigureAwait(false);
        var before = row is null ? null : new { row.Overview, row.Problems, row.Other };
        if (row is null)
        {
            row = new ReportDraftRow { AgencyId = agencyId, Year = year, UpdatedBy = actor };
            db.ReportDrafts.Add(row);
        }

        if ((row.Overview, row.Problems, row.Other) != (narrative.Overview, narrative.Problems, narrative.Other))
        {
            (row.ReviewedBy, row.ReviewedAtUtc) = (null, null); // a changed narrative needs a new 审核
        }

        (row.Overview, row.Problems, row.Other) = (narrative.Overview, narrative.Problems, narrative.Other);
        (row.UpdatedBy, row.UpdatedAtUtc) = (actor, db.Clock.UtcNow());
        db.Audit.Add(AuditRow.Of(actor, "report", $"{agencyId}/{year}", "narrative-edited", before, new { row.Overview, row.Problems, row.Other }));
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }
}
