using Gongkai.Core.Reports.Review;

namespace Gongkai.Core.Tests.Reports.Review;

public class ReviewProblemsTests
{
    [Fact]
    public void OnlyTheAgencyAnswers_AnOpenOrReturnedProblem_WithText_AndACorrectedReportWhenCorrected()
    {
        Assert.Contains("被审查机关", ReviewProblems.AnswerRefusal(ProblemState.Open, false, ProblemAnswer.Explained, "说明", false));
        Assert.Contains("等待审查人确认", ReviewProblems.AnswerRefusal(ProblemState.Answered, true, ProblemAnswer.Explained, "说明", false));
        Assert.Contains("已整改销号", ReviewProblems.AnswerRefusal(ProblemState.Closed, true, ProblemAnswer.Explained, "说明", false));
        Assert.Contains("请写明", ReviewProblems.AnswerRefusal(ProblemState.Open, true, ProblemAnswer.Explained, " ", false));
        Assert.Contains("更正后的年报", ReviewProblems.AnswerRefusal(ProblemState.Open, true, ProblemAnswer.Corrected, "已更正", false));
        Assert.Null(ReviewProblems.AnswerRefusal(ProblemState.Open, true, ProblemAnswer.Corrected, "已更正", true));
        Assert.Null(ReviewProblems.AnswerRefusal(ProblemState.Returned, true, ProblemAnswer.Explained, "该数据无误", false));
    }

    [Fact]
    public void OnlyTheReviewerConfirmsOrReturns_AnAnsweredProblem_AndAReturnNeedsAReason()
    {
        Assert.Contains("审查人", ReviewProblems.ReviewRefusal(ProblemState.Answered, false, true, null));
        Assert.Contains("尚未答复", ReviewProblems.ReviewRefusal(ProblemState.Open, true, true, null));
        Assert.Contains("尚未答复", ReviewProblems.ReviewRefusal(ProblemState.Returned, true, false, "再改"));
        Assert.Contains("退回须写明理由", ReviewProblems.ReviewRefusal(ProblemState.Answered, true, false, ""));
        Assert.Null(ReviewProblems.ReviewRefusal(ProblemState.Answered, true, true, null));
        Assert.Null(ReviewProblems.ReviewRefusal(ProblemState.Answered, true, false, "更正版仍未发布"));
    }
}
