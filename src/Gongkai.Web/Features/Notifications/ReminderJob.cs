using System.Globalization;
using Gongkai.Core.Calendar;
using Gongkai.Core.Deadlines;
using Gongkai.Core.Notifications;
using Gongkai.Core.Publishing;
using Gongkai.Data.Model;
using Gongkai.Data.Notifications;
using Gongkai.Data.Reports;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Features.Notifications;

/// <summary>
/// The staff reminder, a job of the scheduler (<see cref="Jobs.JobsSetup"/>): every hour, within working hours of a working day (<see cref="QuietHours"/>),
/// each 经办人 and 审核人 with an email address and reminders on gets one digest a day of the cases in
/// their scope due within <see cref="DeadlineStatus.DueSoonWorkdays"/> working days or overdue. Queued
/// through the outbox (one per person and day, whichever node queues it first).
/// </summary>
public sealed class ReminderJob(IServiceScopeFactory scopes, MessageTemplates templates, TimeProvider clock, ILogger<ReminderJob> logger) : Jobs.ScheduledJob(scopes, clock, logger)
{
    private readonly IServiceScopeFactory _scopes = scopes;
    private readonly TimeProvider _clock = clock;

    public const string JobName = "staff-reminder";

    public override string Name => JobName;

    protected override async Task<string> RunAsync(IServiceProvider services, DateOnly today, CancellationToken ct) =>
        $"发送到期提醒 {(await RunOnceAsync(ct)).ToString(CultureInfo.InvariantCulture)} 份";

    /// <summary>One pass now; returns how many digests were queued (none outside working hours).</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = _clock.NowInChina();
        if (!QuietHours.MaySendReminders(now, WorkdayCalendar.Default))
        {
            return 0;
        }

        using var scope = _scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var store = new OutboxStore(db);
        var board = scope.ServiceProvider.GetRequiredService<CaseBoard>();
        var today = DateOnly.FromDateTime(now.DateTime);
        var recipients = await StaffRecipients.WithEmailAsync(db, [StaffRoles.Clerk, StaffRoles.Reviewer], ct);
        var queued = 0;
        foreach (var user in recipients.OrderBy(u => u.Id, StringComparer.Ordinal))
        {
            var agencies = await RecordsReport.ScopeAsync(db, user.AgencyId, includeSubordinates: true, ct);
            var cases = (await board.ListAsync(agencies.Select(a => a.Id).ToArray(), open: true, null, int.MaxValue, ct))
                .Where(c => c.State is DeadlineState.DueSoon or DeadlineState.Overdue).ToArray();
            if (cases.Length == 0)
            {
                continue;
            }

            var list = string.Join("\n", cases.Select(c => $"{c.Row.TrackingNumber}　{c.AgencyName}　答复期限 {c.Due!.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}　{c.StateText}"));
            var (subject, body) = templates.For(MessageKind.StaffReminder, MessageChannel.Email).Render(new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["姓名"] = user.DisplayName,
                ["日期"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["案件清单"] = list,
                ["即将到期数"] = cases.Count(c => c.State == DeadlineState.DueSoon).ToString(CultureInfo.InvariantCulture),
                ["已超期数"] = cases.Count(c => c.State == DeadlineState.Overdue).ToString(CultureInfo.InvariantCulture),
            });
            if (await store.QueueReminderAsync(user.Id, today, subject, body, ct))
            {
                queued++;
            }
        }

        return queued;
    }
}
