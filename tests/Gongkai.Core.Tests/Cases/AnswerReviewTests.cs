using Gongkai.Core.Cases;
using Gongkai.Core.Identity;
using Gongkai.Core.Publishing;
using Gongkai.Core.Statute;

namespace Gongkai.Core.Tests.Cases;

public class AnswerReviewTests
{
    private static AnswerDraft Draft(Outcome outcome, params AnswerStepDone[] done) => new(outcome, null, "clerk", "经办甲", done);

    private static readonly string[] Reviewer = [StaffRoles.Reviewer];
    private static readonly string[] Leader = [StaffRoles.Leader];

    [Fact]
    public void EveryWithholdingOutcome_IsReviewed_UnderEitherPolicy()
    {
        foreach (var outcome in Enum.GetValues<Outcome>())
        {
            var withholds = outcome == Outcome.PartlyDisclosed || RequestTable.RowFor(outcome, Edition.V2021).Group == RequestTable.GroupWithheld;
            Assert.Equal(withholds, AnswerReview.StepsFor(AnswerReviewPolicy.WithheldOnly, outcome).SequenceEqual([AnswerStep.Reviewed]));
            Assert.Equal(!withholds, AnswerReview.StepsFor(AnswerReviewPolicy.WithheldOnly, outcome).Count == 0);
            Assert.Equal([AnswerStep.Reviewed, AnswerStep.Signed], AnswerReview.StepsFor(AnswerReviewPolicy.ReviewAndSign, outcome));
        }

        Assert.True(AnswerReview.Withholds(Outcome.StateSecret));
        Assert.False(AnswerReview.Withholds(Outcome.NotHeld));
        Assert.Null(AnswerReview.DirectRefusal(AnswerReviewPolicy.WithheldOnly, Outcome.Disclosed));
        Assert.Contains("审核", AnswerReview.DirectRefusal(AnswerReviewPolicy.WithheldOnly, Outcome.ThirdPartyRights), StringComparison.Ordinal);
    }

    [Fact]
    public void Steps_GoInOrder_ByTheirRole_EachByAnotherPerson()
    {
        var policy = AnswerReviewPolicy.ReviewAndSign;
        var draft = Draft(Outcome.Disclosed);
        Assert.Equal(AnswerStep.Reviewed, AnswerReview.Next(policy, draft));
        Assert.Contains("下一步应为「审核」", AnswerReview.Refusal(policy, draft, AnswerStep.Signed, "leader", Leader), StringComparison.Ordinal);
        Assert.Contains("须由审核人办理", AnswerReview.Refusal(policy, draft, AnswerStep.Reviewed, "leader", Leader), StringComparison.Ordinal);
        Assert.Contains("同一人", AnswerReview.Refusal(policy, draft, AnswerStep.Reviewed, "clerk", Reviewer), StringComparison.Ordinal);
        Assert.Null(AnswerReview.Refusal(policy, draft, AnswerStep.Reviewed, "reviewer", Reviewer));

        var reviewed = Draft(Outcome.Disclosed, new AnswerStepDone(AnswerStep.Reviewed, "both", "乙", DateTime.UnixEpoch));
        Assert.Equal(AnswerStep.Signed, AnswerReview.Next(policy, reviewed));
        Assert.Contains("同一人", AnswerReview.Refusal(policy, reviewed, AnswerStep.Signed, "both", [StaffRoles.Reviewer, StaffRoles.Leader]), StringComparison.Ordinal);
        Assert.Null(AnswerReview.Refusal(policy, reviewed, AnswerStep.Signed, "leader", Leader));
        Assert.Null(AnswerReview.Next(AnswerReviewPolicy.WithheldOnly, Draft(Outcome.StateSecret, new AnswerStepDone(AnswerStep.Reviewed, "r", "乙", DateTime.UnixEpoch))));
    }

    [Fact]
    public void PolicyCodes_RoundTrip()
    {
        foreach (var p in Enum.GetValues<AnswerReviewPolicy>())
        {
            Assert.Equal(p, AnswerReview.PolicyFromCode(p.Code()));
        }

        Assert.Null(AnswerReview.PolicyFromCode("nobody"));
    }

    [Theory]
    [InlineData("张三", Honorific.Mr, false, "张三先生")]
    [InlineData("李梅", Honorific.Ms, false, "李梅女士")]
    [InlineData("王五", Honorific.None, false, "王五")]
    [InlineData("北关示范有限公司", Honorific.Mr, true, "北关示范有限公司")]
    public void Letters_AddressThePersonAsTheyAsked(string name, Honorific honorific, bool organisation, string expected) =>
        Assert.Equal(expected, Honorifics.Addressee(name, honorific, organisation));

    [Fact]
    public void HonorificCodes_RoundTrip_AndEmptyIsNone()
    {
        Assert.Equal(Honorific.None, Honorifics.FromCode(null));
        Assert.Equal(Honorific.Ms, Honorifics.FromCode("MS"));
        Assert.Null(Honorifics.FromCode("sir"));
    }
}
