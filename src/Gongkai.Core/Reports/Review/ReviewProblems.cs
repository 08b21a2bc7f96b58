namespace Gongkai.Core.Reports.Review;

/// <summary>Where a problem of a 问题清单 stands: found, answered by the agency, returned by the reviewer, or closed (整改销号).</summary>
public enum ProblemState
{
    Open = 0,
    Answered = 1,
    Returned = 2,
    Closed = 3,
}

/// <summary>How the agency answered a problem: the report was corrected (更正版), or the agency explains why it stands.</summary>
public enum ProblemAnswer
{
    Corrected = 0,
    Explained = 1,
}

/// <summary>
/// The 整改 workflow of a 年报审查 问题清单: the reviewer (政务公开办) records a problem; the agency's staff answer it —
/// corrected, with the corrected report, or explained; the reviewer confirms (销号) or returns it with a reason, and a
/// returned problem is answered again. Each refusal says why, in zh-CN.
/// </summary>
public static class ReviewProblems
{
    public const int MaxText = 2000;

    public static string Label(this ProblemState state) => state switch
    {
        ProblemState.Open => "待整改",
        ProblemState.Answered => "已答复待确认",
        ProblemState.Returned => "退回重改",
        ProblemState.Closed => "已整改销号",
    };

    public static string Label(this ProblemAnswer answer) => answer switch
    {
        ProblemAnswer.Corrected => "已更正",
        ProblemAnswer.Explained => "已说明",
    };

    /// <summary>Why the agency may not answer now, or null.</summary>
    /// <param name="ofTheAgency">The person is staff of the agency the problem concerns.</param>
    /// <param name="hasCorrectedReport">A corrected report was uploaded or locked with the answer.</param>
    public static string? AnswerRefusal(ProblemState state, bool ofTheAgency, ProblemAnswer kind, string? text, bool hasCorrectedReport)
    {
        if (!ofTheAgency)
        {
            return "问题须由被审查机关的工作人员答复";
        }

        if (state is not (ProblemState.Open or ProblemState.Returned))
        {
            return state == ProblemState.Closed ? "该问题已整改销号" : "该问题已答复，等待审查人确认";
        }

        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > MaxText)
        {
            return $"请写明整改情况或说明（{MaxText} 字以内）";
        }

        return kind == ProblemAnswer.Corrected && !hasCorrectedReport ? "答复「已更正」须同时上传或锁定更正后的年报" : null;
    }

    /// <summary>Why the reviewer may not confirm or return now, or null.</summary>
    public static string? ReviewRefusal(ProblemState state, bool isReviewer, bool confirm, string? reason)
    {
        if (!isReviewer)
        {
            return "确认或退回须由审查批次所属机关的审查人办理";
        }

        if (state != ProblemState.Answered)
        {
            return state == ProblemState.Closed ? "该问题已整改销号" : "该问题尚未答复";
        }

        return !confirm && (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > MaxText) ? $"退回须写明理由（{MaxText} 字以内）" : null;
    }
}
