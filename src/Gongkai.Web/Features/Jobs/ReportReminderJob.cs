using System.Globalization;
using Gongkai.Core.Notifications;
using Gongkai.Core.Publishing;
using Gongkai.Core.Reports.Rules;
using Gongkai.Data.Model;
using Gongkai.Data.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Features.Jobs;

/// <summary>
/// The yearly 年报 reminder (条例 第四十九条): early in January, each agency whose report on the year just ended is not
/// yet published gets an email to its 经办人 and 管理员 saying by when it must be — 1月31日 for 部门 and 街道、乡镇, 3月31日
/// for a 县级以上地方人民政府 (<see cref="ReportChecker.PublicationDeadline(string, int)"/>). Queued through the outbox, once
/// per person and day.
/// </summary>
public sealed class ReportReminderJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ReportReminderJob> logger) : ScheduledJob(scopes, clock, logger)
{
    public const string JobName = "report-reminder";

    public override string Name => JobName;

    protected override async Task<string> RunAsync(IServiceProvider services, DateOnly today, CancellationToken ct)
    {
        var queued = await QueueAsync(services.GetRequiredService<GongkaiDbContext>(), services.GetRequiredService<Notifications.MessageTemplates>(), today, ct);
        return $"提醒 {queued.Agencies.ToString(CultureInfo.InvariantCulture)} 个机关的 {queued.People.ToString(CultureInfo.InvariantCulture)} 名工作人员公布上年度年报";
    }

    public static async Task<(int Agencies, int People)> QueueAsync(GongkaiDbContext db, Notifications.MessageTemplates templates, DateOnly today, CancellationToken ct)
    {
        var year = today.Year - 1;
        var published = await db.ReportLocks.AsNoTracking().Where(l => l.Year == year).Select(l => l.AgencyId).Distinct().ToListAsync(ct);
        var agencies = await db.Agencies.AsNoTracking().Where(a => !published.Contains(a.Id)).ToListAsync(ct);
        var store = new OutboxStore(db);
        var recipients = (await Notifications.StaffRecipients.WithEmailAsync(db, [StaffRoles.Clerk, StaffRoles.Admin], ct)).ToLookup(u => u.AgencyId);
        var (agencyCount, people) = (0, 0);
        foreach (var agency in agencies.OrderBy(a => a.Id, StringComparer.Ordinal))
        {
            var deadline = ReportChecker.PublicationDeadline(agency.Name, year);
            if (today > deadline)
            {
                continue;
            }

            var reminded = 0;
            foreach (var user in recipients[agency.Id].OrderBy(u => u.Id, StringComparer.Ordinal))
            {
                var (subject, body) = templates.For(MessageKind.ReportReminder, MessageChannel.Email).Render(new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["姓名"] = user.DisplayName,
                    ["机关"] = agency.Name,
                    ["年度"] = year.ToString(CultureInfo.InvariantCulture),
                    ["公布期限"] = deadline.ToString("yyyy年M月d日", CultureInfo.InvariantCulture),
                });
                if (await store.QueueForStaffAsync(MessageKind.ReportReminder, user.Id, today, subject, body, ct))
                {
                    reminded++;
                }
            }

            (agencyCount, people) = (agencyCount + (reminded > 0 ? 1 : 0), people + reminded);
        }

        return (agencyCount, people);
    }
}
