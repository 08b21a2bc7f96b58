using Gongkai.Core.Vocabulary;

namespace Gongkai.Core.Cases;

/// <summary>The kind of a ledger step; its code and label are in <see cref="Vocabularies.EventKinds"/>.</summary>
public enum CaseEventKind
{
    Received,
    CorrectionRequested,
    CorrectionReceived,
    ConsultationSent,
    ConsultationAnswered,
    ExtensionApproved,
    FeeNoticeSent,
    FeeNoticeReceived,
    FeePaid,
    Decided,
    Withdrawn,
}

/// <summary>
/// The event kinds' codes as constants, so that database queries (EF translates a constant) and
/// the vocabulary use the same text. They are stored in <c>case_events.Kind</c>: never rename.
/// </summary>
public static class CaseEventCodes
{
    public const string Received = "received";
    public const string CorrectionRequested = "correction-requested";
    public const string CorrectionReceived = "correction-received";
    public const string ConsultationSent = "consultation-sent";
    public const string ConsultationAnswered = "consultation-answered";
    public const string ExtensionApproved = "extension-approved";
    public const string FeeNoticeSent = "fee-notice-sent";
    public const string FeeNoticeReceived = "fee-notice-received";
    public const string FeePaid = "fee-paid";
    public const string Decided = "decided";
    public const string Withdrawn = "withdrawn";

    /// <summary>The steps that close a case (答复 or 撤回).</summary>
    public static readonly IReadOnlyList<string> Closing = [Decided, Withdrawn];
}

/// <summary>The kind of an event, and its stored code.</summary>
public static class CaseEventKinds
{
    /// <summary>The kind of an event.</summary>
    public static CaseEventKind KindOf(this CaseEvent e) => e switch
    {
        ApplicationReceived => CaseEventKind.Received,
        CorrectionRequested => CaseEventKind.CorrectionRequested,
        CorrectionReceived => CaseEventKind.CorrectionReceived,
        ConsultationSent => CaseEventKind.ConsultationSent,
        ConsultationAnswered => CaseEventKind.ConsultationAnswered,
        ExtensionApproved => CaseEventKind.ExtensionApproved,
        FeeNoticeSent => CaseEventKind.FeeNoticeSent,
        FeeNoticeReceived => CaseEventKind.FeeNoticeReceived,
        FeePaid => CaseEventKind.FeePaid,
        Decided => CaseEventKind.Decided,
        Withdrawn => CaseEventKind.Withdrawn,
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name),
    };

    /// <summary>The stored code of an event's kind.</summary>
    public static string CodeOf(this CaseEvent e) => Vocabularies.EventKinds.Code(e.KindOf());
}
