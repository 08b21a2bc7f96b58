using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Review;
using Gongkai.Core.Statute;
using Gongkai.Testing;

namespace Gongkai.Core.Tests.Reports.Review;

public class TrendsTests
{
    private static TrendRow Row(string agency, int disclosed, int closed) =>
        new(agency, 2025, closed, closed, new Rate(disclosed, closed), new Dictionary<string, int>(), 0, 0, 0, new Rate(0, 0), 0, new Rate(0, 0), 0);

    [Fact]
    public void RatesOverFewerThanTenCases_AreNotRanked_AndDoNotPushOthersDown()
    {
        var big = Row("区教育局", 300, 400);      // 75 %
        var tiny = Row("滨河街道", 3, 3);        // 100 %, but 3 cases
        var middle = Row("灯塔路街道", 30, 60);  // 50 %
        var ranks = Trends.RankBy([big, tiny, middle], r => r.Disclosed);
        Assert.Equal((1, (int?)null, 2), (ranks[big]!.Value, ranks[tiny], ranks[middle]!.Value));
        Assert.False(tiny.Disclosed.Ranked);
        Assert.Equal(100m, tiny.Disclosed.Percent);
    }

    [Fact]
    public void ARowComesFromTheReportsTables_AndTheGovernmentsRowSumsItsAgencies()
    {
        var a = ReportGenerator.Consistent(new Random(21), Edition.V2021, 2025);
        var b = ReportGenerator.Consistent(new Random(22), Edition.V2021, 2025);
        var (ra, rb) = (Trends.Of("甲", a), Trends.Of("乙", b));
        Assert.Equal(a.Requests!["received"]![6], ra.Received);
        Assert.Equal(a.Requests["disclosed"]![6], ra.Disclosed.Part);
        Assert.Equal(8, ra.WithheldByReason.Count);
        Assert.Equal(ra.WithheldByReason.Values.Sum(), ra.Withheld);
        Assert.Equal(a.Appeals!.Cell(AppealTable.Groups[0], AppealTable.Total), ra.Reconsiderations);

        var sum = Trends.Sum("区政府（合计）", 2025, [ra, rb]);
        Assert.Equal(ra.Received + rb.Received, sum.Received);
        Assert.Equal(new Rate(ra.Disclosed.Part + rb.Disclosed.Part, ra.Disclosed.Whole + rb.Disclosed.Whole), sum.Disclosed);
        Assert.Equal(ra.WithheldByReason.First().Value + rb.WithheldByReason.First().Value, sum.WithheldByReason[ra.WithheldByReason.First().Key]);
    }
}
