using Gongkai.Core.Calendar;
using Gongkai.Data.Model;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Gongkai.Web.Features.Jobs;

/// <summary>
/// A job of the scheduler that records each run in <c>job_runs</c> (which node, when, what it did). With several nodes the
/// clustered scheduler (<see cref="JobsSetup"/>) fires each trigger on one node only; should a firing ever reach a
/// second node, the unique (job, fire time) refuses the second run and it is logged, not done twice.
/// </summary>
[DisallowConcurrentExecution]
public abstract class ScheduledJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : IJob
{
    /// <summary>The job's stable name (its Quartz identity and the <c>job_runs.Job</c> value).</summary>
    public abstract string Name { get; }

    /// <summary>Does the work; returns what it did (zh-CN) for the run record.</summary>
    protected abstract Task<string> RunAsync(IServiceProvider services, DateOnly today, CancellationToken ct);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var run = new JobRunRow
        {
            Job = Name, FireTimeUtc = (context.ScheduledFireTimeUtc ?? context.FireTimeUtc).UtcDateTime, Day = clock.TodayInChina(),
            Node = context.Scheduler.SchedulerInstanceId, StartedAtUtc = clock.UtcNow(),
        };
        db.JobRuns.Add(run);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            logger.LogWarning("Job {Job} fired at {FireTime:o} was already run on another node; not run again", Name, run.FireTimeUtc);
            return;
        }

        try
        {
            run.Summary = await RunAsync(scope.ServiceProvider, run.Day, ct);
            logger.LogInformation("Job {Job} ran on {Node}: {Summary}", Name, run.Node, run.Summary);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            run.Summary = "失败：" + e.GetType().Name;
            logger.LogError(e, "Job {Job} failed on {Node}", Name, run.Node);
        }

        run.FinishedAtUtc = clock.UtcNow();
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
