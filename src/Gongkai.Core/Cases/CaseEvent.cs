using Gongkai.Core.Statute;

namespace Gongkai.Core.Cases;

/// <summary>
/// One entry of an application's ledger. State and every deadline are derived from the ledger;
/// nothing is stored twice. <see cref="On"/> is the date the event took effect.
/// </summary>
public abstract record CaseEvent(DateOnly On);

/// <summary>The application was received. <see cref="CaseEvent.On"/> is the receipt date as 第三十一条 defines it for the channel.</summary>
public sealed record ApplicationReceived(DateOnly On, ReceiptChannel Channel) : CaseEvent(On);

/// <summary>A 补正 notice (一次性告知, 第三十条) was sent.</summary>
/// <param name="Workdays">The 补正期限 the notice gives, in working days from the day after it is sent (条例 第三十条: 合理的补正期限).</param>
/// <param name="Items">需要补正的事项 as stated in the notice.</param>
public sealed record CorrectionRequested(DateOnly On, int Workdays = Deadlines.CaseDeadlines.DefaultCorrectionWorkdays, string? Items = null) : CaseEvent(On);

/// <summary>The corrected application was received; the answer period starts again.</summary>
public sealed record CorrectionReceived(DateOnly On, string? Content = null) : CaseEvent(On);

public enum ConsultationParty
{
    /// <summary>第三方 (第三十二条).</summary>
    ThirdParty,

    /// <summary>Another agency (第三十三条第三款, 第三十四条).</summary>
    Agency,
}

/// <summary>A consultation letter was sent; the answer period pauses (第三十三条第三款).</summary>
public sealed record ConsultationSent(DateOnly On, ConsultationParty Party) : CaseEvent(On);

/// <summary>The consulted party replied.</summary>
public sealed record ConsultationAnswered(DateOnly On) : CaseEvent(On);

/// <summary>The one extension, approved by the head of the 政府信息公开工作机构 (第三十三条第二款).</summary>
public sealed record ExtensionApproved(DateOnly On, int Workdays, string ApprovedBy) : CaseEvent(On);

/// <summary>A 收费通知 was sent (国办函〔2020〕109号).</summary>
public sealed record FeeNoticeSent(DateOnly On) : CaseEvent(On);

/// <summary>The applicant received the 收费通知; the payment window runs from the next day.</summary>
public sealed record FeeNoticeReceived(DateOnly On) : CaseEvent(On);

public sealed record FeePaid(DateOnly On) : CaseEvent(On);

/// <summary>The case was answered with one outcome of table 三.</summary>
public sealed record Decided(DateOnly On, Outcome Outcome, string? Reasons = null) : CaseEvent(On);

/// <summary>The applicant withdrew the application.</summary>
public sealed record Withdrawn(DateOnly On) : CaseEvent(On);
