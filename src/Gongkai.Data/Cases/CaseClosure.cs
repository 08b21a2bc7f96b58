using Gongkai.Core.Cases;
using Gongkai.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Cases;

/// <summary>
/// The closure projection on the application row (<see cref="ApplicationRow.ClosedOn"/>, <see cref="ApplicationRow.ClosedState"/>):
/// set by <see cref="CaseStore"/> whenever a 答复 or 撤回 is stored, in the same transaction, and recomputable from the
/// events at any time (<see cref="DriftAsync"/>, <see cref="RepairAsync"/>; <c>gongkai db verify</c>).
/// </summary>
public static class CaseClosure
{
    /// <summary>The state of a withdrawn case (beyond every outcome + 1).</summary>
    public const int Withdrawn = 100;

    /// <summary>The projection an event sets, or null for an event that does not close the case.</summary>
    public static (DateOnly On, int State)? Of(CaseEvent e) => e switch
    {
        Decided d => (d.On, (int)d.Outcome + 1),
        Gongkai.Core.Cases.Withdrawn w => (w.On, Withdrawn),
        _ => null,
    };

    public static void Apply(ApplicationRow row, CaseEvent e)
    {
        if (Of(e) is { } closure)
        {
            (row.ClosedOn, row.ClosedState) = (closure.On, closure.State);
        }
    }

    /// <summary>The applications whose projection differs from their events (tracking numbers, at most <paramref name="limit"/>), and how many there are.</summary>
    public static async Task<(int Count, IReadOnlyList<string> First)> DriftAsync(GongkaiDbContext db, int limit = 50, CancellationToken ct = default)
    {
        var drift =
            from a in db.Applications
            from c in db.CaseEvents.Where(c => c.ApplicationId == a.Id && (c.Kind == CaseEventCodes.Decided || c.Kind == CaseEventCodes.Withdrawn)).DefaultIfEmpty()
            let state = c == null ? null : c.Kind == CaseEventCodes.Withdrawn ? (int?)Withdrawn : c.Outcome + 1
            where c == null ? a.ClosedOn != null || a.ClosedState != null : a.ClosedOn != c.On || a.ClosedState != state || a.ClosedOn == null || a.ClosedState == null
            select a.TrackingNumber;
        var count = await drift.CountAsync(ct).ConfigureAwait(false);
        var first = count == 0 ? [] : await drift.OrderBy(n => n).Take(limit).ToListAsync(ct).ConfigureAwait(false);
        return (count, first);
    }

    /// <summary>Rewrites the projection of every application from its events (the same statement as migration 0018's backfill); returns the rows updated.</summary>
    public static Task<int> RepairAsync(GongkaiDbContext db, CancellationToken ct = default) =>
        db.Database.ExecuteSqlRawAsync(BackfillSql, ct);

    public const string BackfillSql = """
        UPDATE applications SET
          "ClosedOn" = (SELECT e."On" FROM case_events e WHERE e."ApplicationId" = applications."Id" AND e."Kind" IN ('decided', 'withdrawn') ORDER BY e."Sequence" DESC LIMIT 1),
          "ClosedState" = (SELECT CASE WHEN e."Kind" = 'withdrawn' THEN 100 ELSE e."Outcome" + 1 END FROM case_events e WHERE e."ApplicationId" = applications."Id" AND e."Kind" IN ('decided', 'withdrawn') ORDER BY e."Sequence" DESC LIMIT 1)
        """;
}
