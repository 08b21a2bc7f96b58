using Gongkai.Core.Publishing;
using Gongkai.Core.Statute;
using Gongkai.Core.Vocabulary;

namespace Gongkai.Core.Cases;

/// <summary>A ledger step as staff post it (case page form or <c>POST /api/cases/{n}/events</c>).</summary>
/// <param name="Kind">The event kind's code (<see cref="Vocabularies.EventKinds"/>), except <c>received</c>, which only intake records.</param>
public sealed record CaseAction(string? Kind, DateOnly On, string? Outcome = null, string? Reasons = null, int? Workdays = null, string? Party = null);

/// <summary>
/// The one translation from what staff post to a ledger event, and who may post it — used alike by
/// the case page and the cases API.
/// </summary>
public static class CaseActions
{
    private const int MaxTextLength = 4000;

    /// <summary>延期 is approved by a 分管领导 (条例 第三十三条第二款: 政府信息公开工作机构负责人同意); every other step is a 经办人's.</summary>
    public static string RoleFor(string? kind) =>
        Vocabularies.EventKinds.TryParse(kind, out var k) && k == CaseEventKind.ExtensionApproved ? StaffRoles.Leader : StaffRoles.Clerk;

    /// <summary>The event, or null when the kind is unknown or a field it needs is missing. The approver of an extension is the person posting it.</summary>
    public static CaseEvent? ToEvent(CaseAction a, string actorName)
    {
        if (!Vocabularies.EventKinds.TryParse(a.Kind, out var kind) || a.Kind != Vocabularies.EventKinds.Code(kind))
        {
            return null;
        }

        return kind switch
        {
            CaseEventKind.CorrectionRequested => new CorrectionRequested(a.On, a.Workdays ?? Deadlines.CaseDeadlines.DefaultCorrectionWorkdays, Text(a.Reasons)),
            CaseEventKind.CorrectionReceived => new CorrectionReceived(a.On, Text(a.Reasons)),
            CaseEventKind.ConsultationSent when Enum.TryParse<ConsultationParty>(a.Party, out var p) && Enum.IsDefined(p) => new ConsultationSent(a.On, p),
            CaseEventKind.ConsultationAnswered => new ConsultationAnswered(a.On),
            CaseEventKind.ExtensionApproved when a.Workdays is { } w => new ExtensionApproved(a.On, w, actorName),
            CaseEventKind.FeeNoticeSent => new FeeNoticeSent(a.On),
            CaseEventKind.FeeNoticeReceived => new FeeNoticeReceived(a.On),
            CaseEventKind.FeePaid => new FeePaid(a.On),
            CaseEventKind.Decided when Enum.TryParse<Outcome>(a.Outcome, out var o) && Enum.IsDefined(o) => new Decided(a.On, o, Text(a.Reasons)),
            CaseEventKind.Withdrawn => new Withdrawn(a.On),
            _ => null,
        };
    }

    /// <summary>What to say when <see cref="ToEvent"/> returns null.</summary>
    public static string Incomplete { get; } =
        "办理事项应为 " + string.Join("、", Vocabularies.EventKinds.Terms.Where(t => t.Value != CaseEventKind.Received).Select(t => t.Value switch
        {
            CaseEventKind.ConsultationSent => $"{t.Code}（需 party）",
            CaseEventKind.ExtensionApproved => $"{t.Code}（需 workdays）",
            CaseEventKind.Decided => $"{t.Code}（需 outcome）",
            _ => t.Code,
        }));

    private static string? Text(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim()[..Math.Min(s.Trim().Length, MaxTextLength)];
}
