using Gongkai.Core.Cases;
using Gongkai.Core.Statute;

namespace Gongkai.Core.Tests.Cases;

public class RemediesTests
{
    [Theory]
    [InlineData(Outcome.StateSecret, "2025-03-10", RemedyPath.ReconsiderationFirst)]
    [InlineData(Outcome.ThirdPartyRights, "2024-01-01", RemedyPath.ReconsiderationFirst)] // the revised law's first day
    [InlineData(Outcome.ThirdPartyRights, "2023-12-31", RemedyPath.Choice)]              // the day before: old law
    [InlineData(Outcome.PartlyDisclosed, "2025-03-10", RemedyPath.ReconsiderationFirstForWithheldPart)]
    [InlineData(Outcome.Disclosed, "2025-03-10", RemedyPath.Choice)]
    [InlineData(Outcome.NotHeld, "2025-03-10", RemedyPath.Choice)]       // 无法提供 is not 不予公开
    [InlineData(Outcome.Duplicate, "2025-03-10", RemedyPath.Choice)]     // 不予处理 neither
    public void Remedy_FollowsTheRevisedReconsiderationLaw(Outcome outcome, string decided, RemedyPath expected) =>
        Assert.Equal(expected, Remedies.For(outcome, DateOnly.Parse(decided, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void ReconsiderationFirst_SaysSoAndCitesTheArticle()
    {
        var text = Remedies.Sentence(RemedyPath.ReconsiderationFirst, "北关区人民政府");
        Assert.Contains("第二十三条第一款第（四）项", text, StringComparison.Ordinal);
        Assert.Contains("先向北关区人民政府依法申请行政复议", text, StringComparison.Ordinal);
        Assert.DoesNotContain("或者", text, StringComparison.Ordinal);
        Assert.Contains("或者", Remedies.Sentence(RemedyPath.Choice), StringComparison.Ordinal);
    }
}
