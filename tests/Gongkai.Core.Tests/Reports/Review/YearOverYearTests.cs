using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Review;
using Gongkai.Core.Statute;
using Gongkai.Testing;

namespace Gongkai.Core.Tests.Reports.Review;

public class YearOverYearTests
{
    [Fact]
    public void Compare_GivesEachMainFigureBothYears_ItsChange_AndSharesOfTheClosedApplications()
    {
        var before = ReportGenerator.Consistent(new Random(1), Edition.V2021, 2024);
        var now = ReportGenerator.FollowOn(before, new Random(2));
        var figures = YearOverYear.Compare(now, before);

        var received = Assert.Single(figures, f => f.Label == "本年新收政府信息公开申请数量");
        Assert.Equal((decimal?)before.Requests!["received"]![6], received.Previous);
        Assert.Equal((decimal?)now.Requests!["received"]![6], received.Current);
        Assert.Equal(received.Current - received.Previous, received.Change);

        var disclosedShare = Assert.Single(figures, f => f.Group == "办理结果占比" && f.Label == "（一）予以公开");
        Assert.True(disclosedShare.Share);
        Assert.Equal(Math.Round(now.Requests["disclosed"]![6]!.Value * 100m / now.Requests["total"]![6]!.Value, 1), disclosedShare.Current);
        Assert.Null(disclosedShare.Percent); // a share changes by percentage points, not by a percentage

        Assert.Contains(figures, f => f.Group == "复议诉讼" && f.Label.EndsWith("纠正率", StringComparison.Ordinal));
        Assert.Contains(figures, f => f.Group == "主动公开" && f.Label.Contains("现行有效", StringComparison.Ordinal));
    }

    [Fact]
    public void Share_IsNullWhenTheWholeIsZeroOrUnknown_AndAPercentNeedsAPreviousValue()
    {
        Assert.Null(YearOverYear.Share(3, 0));
        Assert.Null(YearOverYear.Share(3, null));
        Assert.Equal(33.3m, YearOverYear.Share(1, 3));
        Assert.Null(new FigureChange("g", "l", 0, 5).Percent);
        Assert.Equal(50m, new FigureChange("g", "l", 10, 15).Percent);
    }
}
