using Gongkai.Core.Cases;
using Gongkai.Core.Calendar;
using Gongkai.Core.Deadlines;
using Gongkai.Core.Statute;
using Gongkai.Testing;

namespace Gongkai.Core.Tests.Deadlines;

public class CaseDeadlinesTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void Deadline_SkipsNationalDayAndCountsMakeupDays()
    {
        var ledger = new CaseBuilder().ReceivedOn(2024, 9, 27).Build();
        var due = CaseDeadlines.AnswerDue(ledger)!;
        Assert.Equal(D(2024, 10, 30), due.Date);
        var text = due.ToText();
        Assert.Contains("2024-10-01（周二） 至 2024-10-07（周一）（7天），国庆节放假", text, StringComparison.Ordinal);
        Assert.Contains("计入：2024-09-29（周日），国庆节调休上班", text, StringComparison.Ordinal);
        Assert.Contains("条例第三十三条第二款", text, StringComparison.Ordinal);
        Assert.False(due.Provisional);
    }

    [Fact]
    public void Deadline_SpringFestival2020WithItsExtension()
    {
        var due = CaseDeadlines.AnswerDue(new CaseBuilder().ReceivedOn(2020, 1, 20).Build())!;
        Assert.Equal(D(2020, 2, 25), due.Date);
        Assert.Contains("2020-01-24（周五） 至 2020-02-02（周日）（10天），春节放假", due.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Deadline_CrossesTheYearBoundary() =>
        Assert.Equal(D(2024, 1, 23), CaseDeadlines.AnswerDue(new CaseBuilder().ReceivedOn(2023, 12, 25).Build())!.Date);

    [Fact]
    public void Deadline_ReceiptOnAHolidayCountsFromTheNextDay()
    {
        var ledger = new CaseBuilder().ReceivedOn(2024, 10, 3, ReceiptChannel.Online).Build();
        var due = CaseDeadlines.AnswerDue(ledger)!;
        Assert.Equal(D(2024, 11, 1), due.Date);
        Assert.Contains("双方确认之日", due.ToText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ReceiptChannel.InPerson, "提交之日")]
    [InlineData(ReceiptChannel.RegisteredPost, "签收之日")]
    [InlineData(ReceiptChannel.OrdinaryLetter, "与申请人确认之日")]
    [InlineData(ReceiptChannel.Fax, "双方确认之日")]
    public void ReceiptDate_IsExplainedByChannel(ReceiptChannel channel, string meaning) =>
        Assert.Contains(meaning, CaseDeadlines.AnswerDue(new CaseBuilder().ReceivedOn(2024, 5, 6, channel).Build())!.ToText(), StringComparison.Ordinal);

    [Fact]
    public void Correction_StopsTheClockAndRestartsAFresh20Days()
    {
        var builder = new CaseBuilder().ReceivedOn(2024, 3, 1);
        var before = builder.Build();
        Assert.Equal(D(2024, 3, 12), CaseDeadlines.CorrectionNoticeDue(before).Date);

        var waiting = builder.Then(new CorrectionRequested(D(2024, 3, 5))).Build();
        Assert.Equal(CaseStatus.AwaitingCorrection, waiting.Status);
        Assert.Null(CaseDeadlines.AnswerDue(waiting));

        var corrected = builder.Then(new CorrectionReceived(D(2024, 3, 20))).Build();
        var due = CaseDeadlines.AnswerDue(corrected)!;
        Assert.Equal(D(2024, 4, 18), due.Date);
        Assert.Contains("重新计算", due.ToText(), StringComparison.Ordinal);
        Assert.Contains("清明节", due.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void LateCorrectionNotice_IsAProblem()
    {
        var ledger = new CaseBuilder().ReceivedOn(2024, 3, 1).Then(new CorrectionRequested(D(2024, 3, 13))).Build();
        Assert.Contains(CaseDeadlines.Problems(ledger), p => p.Contains("条例第三十条", StringComparison.Ordinal));
    }

    [Fact]
    public void Consultation_PausesTheClockUntilTheReply()
    {
        var plain = new CaseBuilder().ReceivedOn(2024, 6, 3).Build();
        Assert.Equal(D(2024, 7, 2), CaseDeadlines.AnswerDue(plain)!.Date);

        var consulted = new CaseBuilder().ReceivedOn(2024, 6, 3)
            .Then(new ConsultationSent(D(2024, 6, 12), ConsultationParty.ThirdParty))
            .Then(new ConsultationAnswered(D(2024, 6, 18)))
            .Build();
        var due = CaseDeadlines.AnswerDue(consulted)!;
        Assert.Equal(D(2024, 7, 9), due.Date);
        Assert.Contains("暂停：2024-06-12（周三） 至 2024-06-18（周二）（7天）", due.ToText(), StringComparison.Ordinal);
        Assert.Contains("第三十三条第三款", due.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Consultation_UnansweredPausesAtMostFifteenWorkdays()
    {
        var ledger = new CaseBuilder().ReceivedOn(2024, 6, 3)
            .Then(new ConsultationSent(D(2024, 6, 12), ConsultationParty.Agency))
            .Build();
        Assert.Equal(CaseStatus.Consulting, ledger.Status);
        Assert.Equal(D(2024, 7, 3), CaseDeadlines.ConsultationReplyDue(ledger, ledger.Consultations[0]).Date);
        Assert.Equal(D(2024, 7, 24), CaseDeadlines.AnswerDue(ledger)!.Date);

        var late = new CaseBuilder().ReceivedOn(2024, 6, 3)
            .Then(new ConsultationSent(D(2024, 6, 12), ConsultationParty.ThirdParty))
            .Then(new ConsultationAnswered(D(2024, 7, 20)))
            .Build();
        Assert.Equal(D(2024, 7, 24), CaseDeadlines.AnswerDue(late)!.Date);
    }

    [Fact]
    public void Extension_AddsAtMost20WorkdaysWithRecordedApproval()
    {
        var ledger = new CaseBuilder().ReceivedOn(2024, 9, 27).Then(new ExtensionApproved(D(2024, 10, 21), 20, "王主任")).Build();
        var due = CaseDeadlines.AnswerDue(ledger)!;
        Assert.Equal(D(2024, 11, 27), due.Date);
        Assert.Contains("王主任", due.Rule(), StringComparison.Ordinal);

        Assert.Throws<LedgerException>(() => new CaseBuilder().ReceivedOn(2024, 9, 27).Then(new ExtensionApproved(D(2024, 10, 21), 21, "王主任")).Build());
        Assert.Throws<LedgerException>(() => new CaseBuilder().ReceivedOn(2024, 9, 27).Then(new ExtensionApproved(D(2024, 10, 21), 5, " ")).Build());
        var twice = Assert.Throws<LedgerException>(() => new CaseBuilder().ReceivedOn(2024, 9, 27)
            .Then(new ExtensionApproved(D(2024, 10, 21), 5, "王主任")).Then(new ExtensionApproved(D(2024, 10, 22), 5, "王主任")).Build());
        Assert.Contains("只能延长一次", twice.Message, StringComparison.Ordinal);
        var late = Assert.Throws<LedgerException>(() => new CaseBuilder().ReceivedOn(2024, 9, 27).Then(new ExtensionApproved(D(2024, 10, 31), 5, "王主任")).Build());
        Assert.Contains("2024-10-30", late.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FeeWindow_Is20WorkdaysFromTheDayAfterReceipt_AndUnpaidEndsAsOtherHandling2()
    {
        var builder = new CaseBuilder().ReceivedOn(2024, 9, 20)
            .Then(new FeeNoticeSent(D(2024, 9, 26)))
            .Then(new FeeNoticeReceived(D(2024, 9, 27)));
        var ledger = builder.Build();
        Assert.Equal(CaseStatus.AwaitingPayment, ledger.Status);
        Assert.Equal(D(2024, 10, 30), CaseDeadlines.FeePaymentDue(ledger)!.Date);
        Assert.Contains("国办函〔2020〕109号", CaseDeadlines.FeePaymentDue(ledger)!.ToText(), StringComparison.Ordinal);

        Assert.Throws<LedgerException>(() => builder.Build().Append(new FeePaid(D(2024, 10, 31))));
        Assert.Throws<LedgerException>(() => builder.Build().Append(new Decided(D(2024, 10, 30), Outcome.UnpaidFee)));
        var closed = builder.Build().Append(new Decided(D(2024, 10, 31), Outcome.UnpaidFee));
        Assert.Equal(CaseStatus.Decided, closed.Status);
        Assert.Equal("otherHandling.unpaidFee", RequestTable.RowFor(closed.Decision!.Outcome, Edition.V2021).Key);
    }

    /// <summary>The example: received 03-03, fee notice received 03-28, paid 04-20 (a Sunday).</summary>
    [Fact]
    public void FeeWait_IsNotCountedInTheAnswerPeriod()
    {
        var waiting = new CaseBuilder().ReceivedOn(2025, 3, 3)
            .Then(new FeeNoticeSent(D(2025, 3, 28))).Then(new FeeNoticeReceived(D(2025, 3, 28)));
        var paid = waiting.Build().Append(new FeePaid(D(2025, 4, 20)));
        var due = CaseDeadlines.AnswerDue(paid)!;
        // 18 working days before the notice (03-04…03-27), the wait 03-28…04-20 excluded, then 04-21 and 04-22.
        Assert.Equal(D(2025, 4, 22), due.Date);
        var text = due.ToText();
        Assert.Contains("暂停：2025-03-28（周五） 至 2025-04-20（周日）", text, StringComparison.Ordinal);
        Assert.Contains("国办函〔2020〕109号", text, StringComparison.Ordinal);
        Assert.Contains("不计算在答复期限内", text, StringComparison.Ordinal);
        Assert.Empty(CaseDeadlines.Problems(paid.Append(new Decided(D(2025, 4, 22), Outcome.Disclosed))));

        // Unpaid: the wait runs to the end of the payment window, and the case is paused, never overdue.
        var unpaid = waiting.Build();
        Assert.True(CaseDeadlines.AnswerDue(unpaid)!.Date > CaseDeadlines.FeePaymentDue(unpaid)!.Date);
        var status = DeadlineStatus.Of(unpaid, D(2025, 4, 25));
        Assert.Equal(DeadlineState.Paused, status.State);
        Assert.Equal("待缴费（期限中止）", status.Text);
    }

    [Fact]
    public void DeadlineState_OnEveryDayAroundTheDueDate()
    {
        var ledger = new CaseBuilder().ReceivedOn(2025, 3, 3).Build();
        var due = CaseDeadlines.AnswerDue(ledger)!.Date; // 2025-03-31
        Assert.Equal(D(2025, 3, 31), due);
        Assert.Equal(DeadlineState.OnTrack, DeadlineStatus.Of(ledger, D(2025, 3, 20)).State);
        Assert.Equal((DeadlineState.DueSoon, 1), (DeadlineStatus.Of(ledger, D(2025, 3, 28)).State, DeadlineStatus.Of(ledger, D(2025, 3, 28)).WorkdaysLeft));
        var dueToday = DeadlineStatus.Of(ledger, due);
        Assert.Equal((DeadlineState.DueSoon, 0, "今日到期"), (dueToday.State, dueToday.WorkdaysLeft, dueToday.Text));
        Assert.Equal(DeadlineState.Overdue, DeadlineStatus.Of(ledger, due.AddDays(1)).State);
    }

    [Fact]
    public void NoCaseIsOverdue_WhileTheLedgerForbidsTheAnswer()
    {
        // Every state in which an answer is refused (待补正, 待缴费) is paused on any later day.
        var awaitingCorrection = new CaseBuilder().ReceivedOn(2025, 3, 3).Then(new CorrectionRequested(D(2025, 3, 5))).Build();
        var awaitingPayment = new CaseBuilder().ReceivedOn(2025, 3, 3).Then(new FeeNoticeSent(D(2025, 3, 20))).Then(new FeeNoticeReceived(D(2025, 3, 21))).Build();
        foreach (var ledger in new[] { awaitingCorrection, awaitingPayment })
        {
            Assert.Throws<LedgerException>(() => ledger.Append(new Decided(D(2025, 3, 31), Outcome.Disclosed)));
            for (var day = D(2025, 3, 3); day <= D(2025, 12, 31); day = day.AddDays(7))
            {
                Assert.NotEqual(DeadlineState.Overdue, DeadlineStatus.Of(ledger, day).State);
            }
        }
    }

    [Fact]
    public void FeeNoticeAfterTheAnswerPeriod_IsAProblem()
    {
        var ledger = new CaseBuilder().ReceivedOn(2024, 9, 2).Then(new FeeNoticeSent(D(2024, 11, 1))).Build();
        Assert.Contains(CaseDeadlines.Problems(ledger), p => p.Contains("收费通知", StringComparison.Ordinal));
    }

    [Fact]
    public void PublicationDeadline_Is20WorkdaysFromFormation()
    {
        var due = PublicationDeadline.Compute(D(2024, 9, 27));
        Assert.Equal(D(2024, 10, 30), due.Date);
        Assert.Contains("条例第二十六条", due.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void BeyondPublishedYears_ResultIsProvisional()
    {
        var due = CaseDeadlines.AnswerDue(new CaseBuilder().ReceivedOn(2026, 12, 21).Build())!;
        Assert.True(due.Provisional);
        Assert.Contains("暂定", due.ToText(), StringComparison.Ordinal);
        Assert.False(CaseDeadlines.AnswerDue(new CaseBuilder().ReceivedOn(2026, 11, 2).Build())!.Provisional);
    }

    [Fact]
    public void Property_DueDatesAreWorkdaysAndCountExactly()
    {
        var random = new Random(5);
        var cal = WorkdayCalendar.Default;
        for (var i = 0; i < 500; i++)
        {
            var received = new DateOnly(2019, 1, 1).AddDays(random.Next(365 * 7));
            var due = CaseDeadlines.AnswerDue(new CaseLedger(new ApplicationReceived(received, ReceiptChannel.InPerson)))!.Date;
            Assert.True(cal.IsWorkday(due));
            Assert.Equal(CaseDeadlines.AnswerWorkdays, cal.CountWorkdays(received.AddDays(1), due));
        }
    }
}

internal static class ComputedDateExtensions
{
    public static string Rule(this ComputedDate date) => date.Explanation.Rule;
}
