using Gongkai.Data;
using Gongkai.Web.Storage;
using Quartz;

namespace Gongkai.Web.Features.Jobs;

/// <summary>
/// Background jobs on Quartz.NET. On PostgreSQL the scheduler's store is the database (Quartz's ADO job store, schema
/// <c>quartz</c>, created by migration 0017) and clustered: every node runs a scheduler, the triggers live in the database,
/// and each firing is taken by exactly one node (row locks in <c>quartz.qrtz_locks</c>); a node that dies is noticed by
/// the others within about 70 s (check-in every 10 s, written off 60 s after a missed one). On SQLite (one node) the store is in memory, in process.
/// Times are cron expressions in UTC (China has no daylight saving: 06:00 in China is 22:00 UTC the day before);
/// each one can be changed in configuration (<c>Jobs:DeadlineScan</c>, <c>Jobs:StaffReminder</c>, <c>Jobs:ReportReminder</c>),
/// and <c>Jobs:Background=false</c> runs none (tests call the jobs directly).
/// </summary>
public static class JobsSetup
{
    /// <summary>06:00 China time, every day.</summary>
    public const string DeadlineScanDefault = "0 0 22 * * ?";

    /// <summary>Five past every hour (the reminder itself keeps to working hours and sends once a day).</summary>
    public const string StaffReminderDefault = "0 5 * * * ?";

    /// <summary>5 January, 09:00 China time: early enough for 1月31日 (条例 第四十九条).</summary>
    public const string ReportReminderDefault = "0 0 1 5 1 ?";

    public static IServiceCollection AddGongkaiJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddTransient<DeadlineScanJob>();
        services.AddTransient<ReportReminderJob>();
        if (!configuration.GetValue("Jobs:Background", true))
        {
            return services;
        }

        var db = configuration["db"] ?? GongkaiDatabase.DefaultPath;
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = "gongkai";
                o.GenerateInstanceId = true;
            });
            if (GongkaiDatabase.ProviderOf(db) == DatabaseProvider.Postgres)
            {
                q.UsePersistentStore(store =>
                {
                    store.UsePostgres(p => p.ConnectionString = db);
                    store.ConfigureStore(o => o.TablePrefix = "quartz.qrtz_");
                    store.ProvisionSchema();
                    // A node that misses its check-in by the threshold is written off and its triggers recovered while it may
                    // still be working (a double firing, refused by job_runs' unique key). 15 s was seen to be missed on a
                    // loaded 2-core machine; a daily job loses nothing by waiting a minute for a dead node.
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = TimeSpan.FromSeconds(10);
                        c.CheckinMisfireThreshold = TimeSpan.FromSeconds(60);
                    });
                });
            }

            Schedule<DeadlineScanJob>(q, DeadlineScanJob.JobName, configuration["Jobs:DeadlineScan"] ?? DeadlineScanDefault);
            Schedule<Notifications.ReminderJob>(q, Notifications.ReminderJob.JobName, configuration["Jobs:StaffReminder"] ?? StaffReminderDefault);
            Schedule<ReportReminderJob>(q, ReportReminderJob.JobName, configuration["Jobs:ReportReminder"] ?? ReportReminderDefault);
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }

    private static void Schedule<T>(IQuartzBuilder q, string name, string cron) where T : IJob
    {
        CronExpression expression;
        try
        {
            expression = new CronExpression(cron);
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"任务 {name} 的 cron 表达式无效：{cron}（{e.Message}）", e);
        }

        var key = new JobKey(name);
        q.AddJob<T>(j => j.WithIdentity(key).StoreDurably());
        q.AddTrigger(t => t.ForJob(key).WithIdentity(name).WithCronSchedule(expression, c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
    }
}
