using Gongkai.Core.Cases;

namespace Gongkai.Core.Deadlines;

/// <summary>Where a case stands against its answer deadline.</summary>
public enum DeadlineState
{
    /// <summary>More than <see cref="DeadlineStatus.DueSoonWorkdays"/> working days left.</summary>
    OnTrack,
    DueSoon,
    Overdue,

    /// <summary>The clock is stopped: waiting for the applicant's 补正 or payment of the fee.</summary>
    Paused,
    Closed,
}

/// <summary>A case's deadline state on a day, derived from its ledger.</summary>
/// <param name="WorkdaysLeft">Working days after today up to the due date; 0 when due today or overdue.</param>
public sealed record DeadlineStatus(DeadlineState State, ComputedDate? Due, int? WorkdaysLeft, CaseStatus CaseStatus)
{
    /// <summary>「即将到期」: due within this many working days (the workspace's amber band).</summary>
    public const int DueSoonWorkdays = 3;

    /// <summary>
    /// The state on <paramref name="today"/>. A case is never overdue while the ledger forbids the
    /// answer: waiting for 补正 or for the applicant's payment counts as <see cref="DeadlineState.Paused"/>.
    /// </summary>
    public static DeadlineStatus Of(CaseLedger ledger, DateOnly today)
    {
        var status = ledger.Status;
        if (status is CaseStatus.Decided or CaseStatus.Withdrawn)
        {
            return new(DeadlineState.Closed, null, null, status);
        }

        var due = CaseDeadlines.AnswerDue(ledger);
        if (due is null || status == CaseStatus.AwaitingPayment)
        {
            return new(DeadlineState.Paused, due, null, status);
        }

        if (due.Date < today)
        {
            return new(DeadlineState.Overdue, due, 0, status);
        }

        var left = due.Date == today ? 0 : ledger.Calendar.CountWorkdays(today.AddDays(1), due.Date);
        return new(left <= DueSoonWorkdays ? DeadlineState.DueSoon : DeadlineState.OnTrack, due, left, status);
    }

    /// <summary>The state as staff read it (zh-CN).</summary>
    public string Text => State switch
    {
        DeadlineState.OnTrack => $"正常（剩 {WorkdaysLeft} 个工作日）",
        DeadlineState.DueSoon => WorkdaysLeft == 0 ? "今日到期" : $"即将到期（剩 {WorkdaysLeft} 个工作日）",
        DeadlineState.Overdue => "已超期",
        DeadlineState.Paused => CaseStatus == CaseStatus.AwaitingPayment ? "待缴费（期限中止）" : "待补正（期限中止）",
        DeadlineState.Closed => CaseStatus == CaseStatus.Decided ? "已答复" : "已撤回",
    };
}
