using Gongkai.Core.Calendar;
using Gongkai.Core.Publishing;
using Gongkai.Core.Reports.Rules;
using Gongkai.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Agencies;

/// <summary>An agency's latest published 年报: its year, the day it was first published (China time), and whether that met 第四十九条.</summary>
public sealed record LatestReport(int Year, DateOnly PublishedOn, DateOnly Deadline)
{
    public bool OnTime => PublishedOn <= Deadline;
}

/// <summary>One agency as the platform home lists it.</summary>
/// <param name="PublishedThisYear">主动公开 items published this calendar year.</param>
/// <param name="ApplicationsThisYear">Applications received this calendar year.</param>
public sealed record AgencyFigures(AgencyRow Agency, AgencyGroup Group, int PublishedThisYear, int ApplicationsThisYear, LatestReport? LatestReport);

/// <summary>The platform's agencies with this year's figures, counted in SQL (one grouped query per figure, whatever the number of agencies).</summary>
public static class AgencyFiguresQuery
{
    public static async Task<IReadOnlyList<AgencyFigures>> ListAsync(GongkaiDbContext db, CancellationToken ct = default)
    {
        var today = db.Clock.TodayInChina();
        var (from, to) = (new DateOnly(today.Year, 1, 1), new DateOnly(today.Year + 1, 1, 1));
        var agencies = await db.Agencies.AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
        var published = await db.Publications.Where(p => p.PublishedOn >= from && p.PublishedOn < to).GroupBy(p => p.AgencyId)
            .Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct).ConfigureAwait(false);
        var applications = await db.Applications.Where(a => a.ReceivedOn >= from && a.ReceivedOn < to).GroupBy(a => a.AgencyId)
            .Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct).ConfigureAwait(false);
        // A 更正版 does not change when a year's report was first published: version 1 dates it.
        var locks = await db.ReportLocks.AsNoTracking().Where(l => l.Version == 1).Select(l => new { l.AgencyId, l.Year, l.LockedAtUtc }).ToListAsync(ct).ConfigureAwait(false);
        var latest = locks.GroupBy(l => l.AgencyId).ToDictionary(g => g.Key, g => g.MaxBy(l => l.Year)!);
        return agencies
            .Select(a => new AgencyFigures(a, AgencyGroups.Of(a.Name, a.ParentId is null), published.GetValueOrDefault(a.Id), applications.GetValueOrDefault(a.Id),
                latest.TryGetValue(a.Id, out var l)
                    ? new LatestReport(l.Year, DateOnly.FromDateTime(l.LockedAtUtc.InChina()), ReportChecker.PublicationDeadline(a.Name, l.Year))
                    : null))
            .OrderBy(f => f.Group).ThenBy(f => f.Agency.Id, StringComparer.Ordinal)
            .ToArray();
    }
}
