using Gongkai.Core.Cases;
using Gongkai.Testing;
using Gongkai.Core.Deadlines;
using Gongkai.Data.Model;
using Gongkai.Web.Tests.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Jobs;

/// <summary>From Friday 2026-10-30, moved forward as the test needs.</summary>
public sealed class DeadlineScanFactory() : AppFactoryAt(new DateOnly(2026, 10, 30));

/// <summary>From 2026-11-06; the test moves to 5 January 2027.</summary>
public sealed class ReportReminderFactory() : AppFactoryAt(new DateOnly(2026, 11, 6));

/// <summary>The daily deadline scan the scheduler runs, called directly.</summary>
public class DeadlineScanTests(DeadlineScanFactory factory) : IClassFixture<DeadlineScanFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> CaseDueOnAsync(DateOnly due, DateOnly before)
    {
        var received = Enumerable.Range(1, 60).Select(i => before.AddDays(-i)).First(d =>
            CaseDeadlines.AnswerDue(new CaseLedger(new ApplicationReceived(d, ReceiptChannel.InPerson)))!.Date == due);
        using var scope = factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<ApplicationIntake>().SubmitAsync(
            new ApplyRequest("BGQ-03", "natural", "钱扫描", "11010519491231002X", null, "13300004444", null, null, "申请公开2026年老旧小区改造项目清单", null),
            Ct, new Registration(ReceiptChannel.InPerson, received, "测试"))).TrackingNumber;
    }

    private async Task<(int DueSoon, int Overdue, string[] Marks)> ScanAsync(string number)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var counts = await DeadlineScanJob.ScanAsync(db, scope.ServiceProvider.GetRequiredService<CaseBoard>(), factory.Today, Ct);
        var marks = await db.DeadlineMarks.Where(m => m.TrackingNumber == number).OrderBy(m => m.Id).Select(m => m.State + "@" + m.MarkedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToArrayAsync(Ct);
        return (counts.DueSoon, counts.Overdue, marks);
    }

    [Fact]
    public async Task DeadlineScan_MarksACaseOnceWhenItIsDueSoon_AndOnceWhenOverdue()
    {
        var number = await CaseDueOnAsync(new DateOnly(2026, 11, 11), new DateOnly(2026, 11, 9));

        factory.Clock.MoveTo(new DateOnly(2026, 11, 2)); // seven working days left: nothing to mark for it
        Assert.Empty((await ScanAsync(number)).Marks);
        factory.Clock.MoveTo(new DateOnly(2026, 11, 9)); // Monday: due Wednesday
        var first = await ScanAsync(number);
        Assert.Equal(["due-soon@2026-11-09"], first.Marks);
        Assert.True(first.DueSoon >= 1);
        var again = await ScanAsync(number); // a second run the same day marks nothing new
        Assert.Equal((0, 0), (again.DueSoon, again.Overdue));
        Assert.Single(again.Marks);

        factory.Clock.MoveTo(new DateOnly(2026, 11, 12));
        var late = await ScanAsync(number);
        Assert.True(late.Overdue >= 1);
        Assert.Equal(2, late.Marks.Length);
        Assert.StartsWith("overdue@", late.Marks[1], StringComparison.Ordinal);
    }

}

/// <summary>The yearly 年报 reminder the scheduler runs, called directly.</summary>
public class ReportReminderTests(ReportReminderFactory factory) : IClassFixture<ReportReminderFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReportReminder_TellsEachAgencyItsOwnArticle49Deadline_OnceAndNotWhenPublished()
    {
        async Task<string> StaffWithEmailAsync(string role, string agency, string name)
        {
            using var scope = factory.Services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = await users.FindByNameAsync(await factory.CreateStaffAsync(role, agency, name));
            await users.SetEmailAsync(user!, $"{Guid.NewGuid():N}@beiguan.example.gov.cn");
            return user!.Id;
        }

        var department = await StaffWithEmailAsync("经办人", "BGQ-02", "孙年报");
        var government = await StaffWithEmailAsync("管理员", "BGQ", "周年报");
        var published = await StaffWithEmailAsync("经办人", "BGQ-01", "吴年报");
        var reviewer = await StaffWithEmailAsync("审核人", "BGQ-02", "郑年报");
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            db.ReportLocks.Add(new ReportLockRow { AgencyId = "BGQ-01", Year = 2026, LockedBy = "测试", Json = "{}" });
            await db.SaveChangesAsync(Ct);
        }

        factory.Clock.MoveTo(new DateOnly(2027, 1, 5));
        async Task<(int Agencies, int People)> RunAsync()
        {
            using var scope = factory.Services.CreateScope();
            return await ReportReminderJob.QueueAsync(scope.ServiceProvider.GetRequiredService<GongkaiDbContext>(), factory.Services.GetRequiredService<MessageTemplates>(), factory.Today, Ct);
        }

        Assert.True((await RunAsync()).People >= 2);
        Assert.Equal((0, 0), await RunAsync());

        using var check = factory.Services.CreateScope();
        var outbox = check.ServiceProvider.GetRequiredService<GongkaiDbContext>().Outbox.AsNoTracking().Where(o => o.Kind == (int)Gongkai.Core.Notifications.MessageKind.ReportReminder).ToList();
        var toDepartment = Assert.Single(outbox, o => o.StaffUserId == department);
        Assert.Contains("北关区生态环境局2026年政府信息公开工作年度报告应于2027年1月31日前", toDepartment.Body, StringComparison.Ordinal);
        Assert.Contains("2027年3月31日", Assert.Single(outbox, o => o.StaffUserId == government).Subject, StringComparison.Ordinal);
        Assert.DoesNotContain(outbox, o => o.StaffUserId == published || o.StaffUserId == reviewer);
    }
}
