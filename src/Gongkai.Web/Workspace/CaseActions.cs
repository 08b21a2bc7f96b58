using Gongkai.Core.Cases;
using Gongkai.Core.Publishing;
using Gongkai.Core.Statute;

namespace Gongkai.Web.Workspace;

/// <summary>A ledger step as staff post it (case page form or <c>POST /api/cases/{n}/events</c>).</summary>
/// <param name="Kind">The ledger event kind: correction-requested, correction-received, consultation-sent, consultation-answered, extension-approved, fee-notice-sent, fee-notice-received, fee-paid, decided or withdrawn.</param>
public sealed record CaseAction(string? Kind, DateOnly On, string? Outcome = null, string? Reasons = null, int? Workdays = null, string? Party = null);

/// <summary>The one translation from what staff post to a ledger event, and who may post it.</summary>
public static class CaseActions
{
    private const int MaxTextLength = 4000;

    /// <summary>延期 is approved by a 分管领导 (条例 第三十三条第二款: 政府信息公开工作机构负责人同意); every other step is a 经办人's.</summary>
    public static string RoleFor(string? kind) => kind == "extension-approved" ? StaffRoles.Leader : StaffRoles.Clerk;

    /// <summary>The event, or null when the kind is unknown or a field it needs is missing. The approver of an extension is the person posting it.</summary>
    public static CaseEvent? ToEvent(CaseAction a, string actorName) => a.Kind switch
    {
        "correction-requested" => new CorrectionRequested(a.On),
        "correction-received" => new CorrectionReceived(a.On, Text(a.Reasons)),
        "consultation-sent" when Enum.TryParse<ConsultationParty>(a.Party, out var p) && Enum.IsDefined(p) => new ConsultationSent(a.On, p),
        "consultation-answered" => new ConsultationAnswered(a.On),
        "extension-approved" when a.Workdays is { } w => new ExtensionApproved(a.On, w, actorName),
        "fee-notice-sent" => new FeeNoticeSent(a.On),
        "fee-notice-received" => new FeeNoticeReceived(a.On),
        "fee-paid" => new FeePaid(a.On),
        "decided" when Enum.TryParse<Outcome>(a.Outcome, out var o) && Enum.IsDefined(o) => new Decided(a.On, o, Text(a.Reasons)),
        "withdrawn" => new Withdrawn(a.On),
        _ => null,
    };

    public const string Incomplete = "办理事项应为 correction-requested、correction-received、consultation-sent（需 party）、consultation-answered、extension-approved（需 workdays）、fee-notice-sent、fee-notice-received、fee-paid、decided（需 outcome）或 withdrawn";

    private static string? Text(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim()[..Math.Min(s.Trim().Length, MaxTextLength)];
}
