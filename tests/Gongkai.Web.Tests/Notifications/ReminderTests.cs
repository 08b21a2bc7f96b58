using Gongkai.Core.Calendar;
using Gongkai.Testing;
using Gongkai.Core.Cases;
using Gongkai.Core.Deadlines;
using Gongkai.Data.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Notifications;

/// <summary>On Friday 2026-11-06: the reminder job against the statutory calendar and the quiet hours.</summary>
public sealed class ReminderFactory() : AppFactoryAt(new DateOnly(2026, 11, 6));

/// <summary>An <see cref="AppFactory"/> pinned to a day, usable as a class fixture.</summary>
public abstract class AppFactoryAt(DateOnly day) : AppFactory(day);

public class ReminderTests(ReminderFactory factory) : IClassFixture<ReminderFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ADigestGoesOutForACaseDueInTwoWorkingDays_NeverAt21hOrOnASunday()
    {
        var monday = new DateOnly(2026, 11, 9);
        var due = new DateOnly(2026, 11, 11); // two working days after Monday
        var received = Enumerable.Range(1, 60).Select(i => monday.AddDays(-i)).First(d =>
                CaseDeadlines.AnswerDue(new CaseLedger(new ApplicationReceived(d, ReceiptChannel.InPerson)))!.Date == due);

        string number, userId;
        using (var scope = factory.Services.CreateScope())
        {
            number = (await scope.ServiceProvider.GetRequiredService<ApplicationIntake>().SubmitAsync(new ApplyRequest("BGQ-04", "natural", "吴九", "11010519491231002X", null, "13300003333", null, null, "申请公开2026年就业补贴发放情况", null),
                Ct, new Registration(ReceiptChannel.InPerson, received, "测试"))).TrackingNumber;
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = await users.FindByNameAsync(await factory.CreateStaffAsync("经办人", "BGQ-04", "郑提醒"));
            await users.SetEmailAsync(user!, "zheng@beiguan.example.gov.cn");
            userId = user!.Id;
        }

        var job = factory.Services.GetRequiredService<ReminderJob>();
        factory.Clock.MoveTo(new DateOnly(2026, 11, 6), hour: 21);
        Assert.Equal(0, await job.RunOnceAsync(Ct));
        factory.Clock.MoveTo(new DateOnly(2026, 11, 8)); // Sunday, 10:00
        Assert.Equal(0, await job.RunOnceAsync(Ct));
        factory.Clock.MoveTo(monday);
        Assert.True(await job.RunOnceAsync(Ct) >= 1);
        Assert.Equal(0, await job.RunOnceAsync(Ct)); // one a day

        using var check = factory.Services.CreateScope();
        var digest = check.ServiceProvider.GetRequiredService<GongkaiDbContext>().Outbox.Single(o => o.StaffUserId == userId);
        Assert.Contains(number, digest.Body, StringComparison.Ordinal);
        Assert.Contains("2026-11-11", digest.Body, StringComparison.Ordinal);
        Assert.Contains("郑提醒", digest.Body, StringComparison.Ordinal);
        Assert.Matches(@"[1-9]\d* 件即将到期", digest.Subject);
    }
}
