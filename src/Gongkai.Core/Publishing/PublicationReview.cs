namespace Gongkai.Core.Publishing;

/// <summary>The steps of the review chain a proactive publication goes through, in order.</summary>
public enum ReviewStep
{
    Drafted = 0,
    SecrecyChecked = 1,
    Reviewed = 2,
    Signed = 3,
    Published = 4,
}

/// <summary>The staff roles of the workspace (zh-CN names are what users see and what is stored).</summary>
public static class StaffRoles
{
    public const string Clerk = "经办人";
    public const string Reviewer = "审核人";
    public const string Leader = "分管领导";
    public const string Admin = "管理员";

    public static IReadOnlyList<string> All { get; } = [Clerk, Reviewer, Leader, Admin];
}

/// <summary>One step done: by whom (a stable user id, and the name shown) and when.</summary>
public sealed record ReviewRecord(ReviewStep Step, string ActorId, string ActorName, DateTime AtUtc);

/// <summary>
/// The review chain 起草 → 保密审查 → 审核 → 签发 → 发布: each step in order, by a person holding the
/// step's role, and no person doing two steps of the same item (the point of a review chain is
/// that it is four pairs of eyes, not one).
/// </summary>
public static class PublicationReview
{
    public static string Label(ReviewStep step) => step switch
    {
        ReviewStep.Drafted => "起草",
        ReviewStep.SecrecyChecked => "保密审查",
        ReviewStep.Reviewed => "审核",
        ReviewStep.Signed => "签发",
        ReviewStep.Published => "发布",
    };

    /// <summary>The roles that may do a step (管理员 may always publish, as the site's operator).</summary>
    public static IReadOnlyList<string> RolesFor(ReviewStep step) => step switch
    {
        ReviewStep.Drafted => [StaffRoles.Clerk],
        ReviewStep.SecrecyChecked => [StaffRoles.Reviewer],
        ReviewStep.Reviewed => [StaffRoles.Reviewer],
        ReviewStep.Signed => [StaffRoles.Leader],
        ReviewStep.Published => [StaffRoles.Clerk, StaffRoles.Admin],
    };

    /// <summary>The step after the last one done, or null once published.</summary>
    public static ReviewStep? Next(IReadOnlyList<ReviewRecord> done) =>
        done.Count == 0 ? ReviewStep.Drafted : done[^1].Step == ReviewStep.Published ? null : done[^1].Step + 1;

    /// <summary>Why <paramref name="actorId"/> may not do <paramref name="step"/> now (zh-CN), or null if they may.</summary>
    public static string? Refusal(IReadOnlyList<ReviewRecord> done, ReviewStep step, string actorId, IReadOnlyCollection<string> actorRoles)
    {
        var next = Next(done);
        if (next is null)
        {
            return "该信息已经发布，审核流程已结束";
        }

        if (step != next)
        {
            return $"当前应进行「{Label(next.Value)}」，不能进行「{Label(step)}」";
        }

        var roles = RolesFor(step);
        if (!roles.Any(actorRoles.Contains))
        {
            return $"「{Label(step)}」须由{string.Join("或", roles)}办理";
        }

        return done.FirstOrDefault(r => r.ActorId == actorId) is { } earlier
            ? $"您已办理本信息的「{Label(earlier.Step)}」，「{Label(step)}」须由另一人办理"
            : null;
    }
}
