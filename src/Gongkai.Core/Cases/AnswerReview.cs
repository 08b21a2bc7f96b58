using Gongkai.Core.Publishing;
using Gongkai.Core.Statute;

namespace Gongkai.Core.Cases;

/// <summary>How an agency's 答复 are reviewed before they are issued (set per agency by its 管理员).</summary>
public enum AnswerReviewPolicy
{
    /// <summary>Answers that withhold (不予公开, 部分公开) are reviewed by a 审核人; the others are issued by the 经办人.</summary>
    WithheldOnly = 0,

    /// <summary>Every answer goes 经办 → 审核 → 签发.</summary>
    ReviewAndSign = 1,
}

/// <summary>A step of the answer review chain after the 经办人's draft.</summary>
public enum AnswerStep
{
    Reviewed = 0,
    Signed = 1,
}

/// <summary>One review step done: by whom (stable user id and the name shown) and when.</summary>
public sealed record AnswerStepDone(AnswerStep Step, string ActorId, string ActorName, DateTime AtUtc);

/// <summary>An answer written by a 经办人 and waiting for its review steps; issued (a <see cref="Decided"/> event) when the last step is done.</summary>
public sealed record AnswerDraft(Outcome Outcome, string? Reasons, string DraftedById, string DraftedBy, IReadOnlyList<AnswerStepDone> Done);

/// <summary>
/// The answer review chain 经办 → 审核 → 签发. Which steps an answer needs follows from the agency's
/// policy and the outcome: a refusal to disclose is always reviewed (it is the decision an applicant
/// most often contests, and it must go to 行政复议 first: <see cref="Remedies"/>); each step is done by a
/// person holding its role who did no earlier step of the same answer.
/// </summary>
public static class AnswerReview
{
    public static string Code(this AnswerReviewPolicy policy) => policy switch
    {
        AnswerReviewPolicy.WithheldOnly => "withheld-only",
        AnswerReviewPolicy.ReviewAndSign => "review-and-sign",
    };

    public static string Label(this AnswerReviewPolicy policy) => policy switch
    {
        AnswerReviewPolicy.WithheldOnly => "不予公开、部分公开的答复经审核，其他答复由经办人直接作出",
        AnswerReviewPolicy.ReviewAndSign => "所有答复经办 → 审核 → 签发",
    };

    public static AnswerReviewPolicy? PolicyFromCode(string? code) =>
        Enum.GetValues<AnswerReviewPolicy>().Cast<AnswerReviewPolicy?>().FirstOrDefault(p => p!.Value.Code() == code?.Trim());

    public static string Label(this AnswerStep step) => step switch
    {
        AnswerStep.Reviewed => "审核",
        AnswerStep.Signed => "签发",
    };

    public static string RoleFor(AnswerStep step) => step switch
    {
        AnswerStep.Reviewed => StaffRoles.Reviewer,
        AnswerStep.Signed => StaffRoles.Leader,
    };

    /// <summary>Whether the outcome withholds information (部分公开, or any 不予公开 row of table 三).</summary>
    public static bool Withholds(Outcome outcome) =>
        outcome == Outcome.PartlyDisclosed || RequestTable.RowFor(outcome, Edition.V2021).Group == RequestTable.GroupWithheld;

    /// <summary>The steps an answer with this outcome needs after its draft, in order (none: the 经办人 issues it).</summary>
    public static IReadOnlyList<AnswerStep> StepsFor(AnswerReviewPolicy policy, Outcome outcome) => policy switch
    {
        AnswerReviewPolicy.ReviewAndSign => [AnswerStep.Reviewed, AnswerStep.Signed],
        AnswerReviewPolicy.WithheldOnly => Withholds(outcome) ? [AnswerStep.Reviewed] : [],
    };

    /// <summary>The step the draft waits for, or null when every step is done.</summary>
    public static AnswerStep? Next(AnswerReviewPolicy policy, AnswerDraft draft) =>
        StepsFor(policy, draft.Outcome).Skip(draft.Done.Count).Cast<AnswerStep?>().FirstOrDefault();

    /// <summary>Why <paramref name="actorId"/> may not do <paramref name="step"/> of the draft now (zh-CN), or null if they may.</summary>
    public static string? Refusal(AnswerReviewPolicy policy, AnswerDraft draft, AnswerStep step, string actorId, IReadOnlyCollection<string> actorRoles)
    {
        if (Next(policy, draft) is not { } next)
        {
            return "该答复已完成全部审签步骤";
        }

        if (next != step)
        {
            return $"下一步应为「{next.Label()}」，不能「{step.Label()}」";
        }

        if (!actorRoles.Contains(RoleFor(step)))
        {
            return $"「{step.Label()}」须由{RoleFor(step)}办理";
        }

        return actorId == draft.DraftedById || draft.Done.Any(d => d.ActorId == actorId)
            ? $"同一人不能办理同一答复的两个步骤（起草或已办的步骤），「{step.Label()}」须由另一位{RoleFor(step)}办理"
            : null;
    }

    /// <summary>The refusal of a 答复 issued directly, without a draft, when the policy asks for review (zh-CN), or null.</summary>
    public static string? DirectRefusal(AnswerReviewPolicy policy, Outcome outcome) =>
        StepsFor(policy, outcome) is { Count: > 0 } steps
            ? $"本机关的{(policy == AnswerReviewPolicy.ReviewAndSign ? "" : "不予公开、部分公开")}答复须经{string.Join("、", steps.Select(s => s.Label()))}后作出：请先提交答复稿，由{string.Join("、", steps.Select(RoleFor))}办理"
            : null;
}
