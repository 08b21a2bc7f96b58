using Gongkai.Core.Reports;
using Gongkai.Core.Statute;
using Gongkai.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Features.Portal;

public sealed record PublishedReport(string AgencyId, string AgencyName, int Year, DateTime PublishedAtUtc)
{
    public string Title => ReportSections.Title(AgencyName, Year);
}

/// <summary>The reports on the portal are the locked (published) ones, newest year first, the government before its departments.</summary>
public static class PublishedReports
{
    public static async Task<IReadOnlyList<PublishedReport>> ListAsync(GongkaiDbContext db, CancellationToken ct)
    {
        // Listed once per year, dated by the first publication (a 更正版 does not change when it was published).
        var rows = await db.ReportLocks.AsNoTracking().Where(l => l.Version == 1)
            .Join(db.Agencies, l => l.AgencyId, a => a.Id, (l, a) => new { l.AgencyId, a.Name, a.ParentId, l.Year, l.LockedAtUtc })
            .ToListAsync(ct);
        return rows.OrderByDescending(r => r.Year).ThenBy(r => r.ParentId is null ? 0 : 1).ThenBy(r => r.AgencyId, StringComparer.Ordinal)
            .Select(r => new PublishedReport(r.AgencyId, r.Name, r.Year, r.LockedAtUtc)).ToArray();
    }
}
