using Gongkai.Core.Statute;

namespace Gongkai.Core.Cases;

/// <summary>Which remedy an applicant has against a decision: 行政复议 first, or a free choice of 复议 or 诉讼.</summary>
public enum RemedyPath
{
    /// <summary>行政复议 within 60 days or 行政诉讼 within 6 months, at the applicant's choice.</summary>
    Choice,

    /// <summary>行政复议 first (复议前置); 行政诉讼 only against the 复议决定.</summary>
    ReconsiderationFirst,

    /// <summary>部分公开: 复议前置 for the withheld part, a free choice for the rest.</summary>
    ReconsiderationFirstForWithheldPart,
}

/// <summary>
/// The remedy a 答复书 must state. Source: 《中华人民共和国行政复议法》（2023年9月1日修订，2024年1月1日施行）
/// 第二十三条第一款第（四）项 — 申请政府信息公开，行政机关不予公开的，申请人应当先申请行政复议；
/// periods: 行政复议 60 days (同法 第二十条第一款), 行政诉讼 6 months (《行政诉讼法》第四十六条第一款).
/// Before 2024-01-01 every decision left the choice.
/// </summary>
public static class Remedies
{
    /// <summary>The day the revised 行政复议法 took effect.</summary>
    public static readonly DateOnly ReconsiderationFirstSince = new(2024, 1, 1);

    public const int ReconsiderationDays = 60;

    public const int LitigationMonths = 6;

    public static RemedyPath For(Outcome outcome, DateOnly decidedOn)
    {
        if (decidedOn < ReconsiderationFirstSince)
        {
            return RemedyPath.Choice;
        }

        return outcome == Outcome.PartlyDisclosed ? RemedyPath.ReconsiderationFirstForWithheldPart
            : RequestTable.RowFor(outcome, Edition.V2021).Group == RequestTable.GroupWithheld ? RemedyPath.ReconsiderationFirst
            : RemedyPath.Choice;
    }

    /// <summary>The sentence of the 答复书 that tells the applicant the remedy.</summary>
    /// <param name="reconsiderationBody">The 行政复议机关 to name, if known (e.g. 「北关区人民政府」).</param>
    /// <param name="court">The court with jurisdiction, if known.</param>
    public static string Sentence(RemedyPath path, string? reconsiderationBody = null, string? court = null)
    {
        var body = reconsiderationBody is { Length: > 0 } b ? $"向{b}" : "";
        var to = court is { Length: > 0 } c ? $"向{c}" : "";
        var choice = $"可以自收到本答复之日起{ReconsiderationDays}日内{body}依法申请行政复议，或者自收到本答复之日起{LitigationMonths}个月内{to}依法提起行政诉讼。";
        var first = $"根据《中华人民共和国行政复议法》第二十三条第一款第（四）项的规定，应当自收到本答复之日起{ReconsiderationDays}日内先{body}依法申请行政复议；对行政复议决定不服的，可以依法{to}提起行政诉讼。";
        return path switch
        {
            RemedyPath.Choice => "如对本答复不服，" + choice,
            RemedyPath.ReconsiderationFirst => "如对本答复不服，" + first,
            RemedyPath.ReconsiderationFirstForWithheldPart => "如对本答复中不予公开部分的决定不服，" + first + "如对本答复的其他内容不服，" + choice,
        };
    }
}
