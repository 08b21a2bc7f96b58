using System.Globalization;
using Gongkai.Core.Deadlines;
using Gongkai.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Features.Jobs;

/// <summary>
/// The daily deadline scan: every open case that has entered 「3 个工作日内到期」 or 「已超期」 since the last scan is
/// marked (<c>deadline_marks</c>, once per case, state and due date — an extension's new due date is a new mark), and
/// the run records how many. The workspace's lists compute the state live; the marks say when each case crossed the
/// line, for supervision and for messages sent once.
/// </summary>
public sealed class DeadlineScanJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DeadlineScanJob> logger) : ScheduledJob(scopes, clock, logger)
{
    public const string JobName = "deadline-scan";

    public const string DueSoon = "due-soon";
    public const string Overdue = "overdue";

    public override string Name => JobName;

    protected override async Task<string> RunAsync(IServiceProvider services, DateOnly today, CancellationToken ct)
    {
        var (dueSoon, overdue) = await ScanAsync(services.GetRequiredService<GongkaiDbContext>(), services.GetRequiredService<Cases.CaseBoard>(), today, ct);
        return $"新进入「3 个工作日内到期」{dueSoon.ToString(CultureInfo.InvariantCulture)} 件，新超期 {overdue.ToString(CultureInfo.InvariantCulture)} 件";
    }

    /// <summary>Marks the cases newly in either state; returns how many of each. Running it twice a day marks nothing new.</summary>
    public static async Task<(int DueSoon, int Overdue)> ScanAsync(GongkaiDbContext db, Cases.CaseBoard board, DateOnly today, CancellationToken ct)
    {
        var agencies = await db.Agencies.AsNoTracking().Select(a => a.Id).ToArrayAsync(ct);
        var crossing = (await board.ListAsync(agencies, open: true, null, int.MaxValue, ct))
            .Where(c => c.State is DeadlineState.DueSoon or DeadlineState.Overdue && c.Due is not null)
            .Select(c => new DeadlineMarkRow
            {
                TrackingNumber = c.Row.TrackingNumber, AgencyId = c.Row.AgencyId, State = c.State == DeadlineState.Overdue ? Overdue : DueSoon,
                DueOn = c.Due!.Date, MarkedOn = today,
            })
            .ToArray();
        var added = new List<DeadlineMarkRow>();
        foreach (var chunk in crossing.Chunk(500))
        {
            var numbers = chunk.Select(m => m.TrackingNumber).ToArray();
            var existing = (await db.DeadlineMarks.AsNoTracking().Where(m => numbers.Contains(m.TrackingNumber))
                    .Select(m => new { m.TrackingNumber, m.State, m.DueOn }).ToListAsync(ct))
                .Select(m => (m.TrackingNumber, m.State, m.DueOn)).ToHashSet();
            added.AddRange(chunk.Where(m => !existing.Contains((m.TrackingNumber, m.State, m.DueOn))));
        }

        db.DeadlineMarks.AddRange(added);
        await db.SaveChangesAsync(ct);
        return (added.Count(m => m.State == DueSoon), added.Count(m => m.State == Overdue));
    }
}
