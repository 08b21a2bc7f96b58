using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Rules;
using Gongkai.Core.Statute;
using Gongkai.Testing;

namespace Gongkai.Core.Tests.Reports;

public class ReportRollupTests
{
    private static RollupInput Input(AnnualReport r, string name) => new(name, "json", r, CheckContext.Empty, []);

    [Fact]
    public void Totals_SumEveryCellPerYearAndEdition()
    {
        var random = new Random(3);
        var a = ReportGenerator.Consistent(random, Edition.V2021, 2023);
        var b = ReportGenerator.Consistent(random, Edition.V2021, 2023);
        var c = ReportGenerator.Consistent(random, Edition.V2021, 2024);
        var result = ReportRollup.Build([Input(a, "a"), Input(b, "b"), Input(c, "c")]);
        Assert.Equal([2023, 2024], result.Totals.Select(t => t.Year));
        var sum = result.Totals[0].Sum;
        foreach (var row in RequestTable.Rows(Edition.V2021))
        {
            for (var col = 0; col < 7; col++)
            {
                Assert.Equal(a.Requests![row]![col] + b.Requests![row]![col], sum.Requests![row]![col]);
            }
        }

        Assert.Equal(a.Proactive!.Cell("fees", "amount") + b.Proactive!.Cell("fees", "amount"), sum.Proactive!.Cell("fees", "amount"));
        Assert.Equal(a.Appeals!.Cell(AppealTable.Groups[2], AppealTable.Total) + b.Appeals!.Cell(AppealTable.Groups[2], AppealTable.Total),
            sum.Appeals!.Cell(AppealTable.Groups[2], AppealTable.Total));
        Assert.DoesNotContain(ReportChecker.Check(sum), d => d.Severity == Severity.Error && d.Code != DiagnosticCodes.MissingSection);
        Assert.Empty(result.Totals[0].Incomplete);
    }

    [Fact]
    public void BlankCells_AreSkippedAndListedAsIncomplete()
    {
        var a = ReportGenerator.Consistent(new Random(1), Edition.V2021, 2023);
        var b = AnnualReport.Blank(2023, Edition.V2021);
        var total = ReportRollup.Build([Input(a, "a"), Input(b, "b")]).Totals.Single();
        Assert.Equal(a.Requests!["received"]![0], total.Sum.Requests!["received"]![0]);
        Assert.Contains("requests.received.natural", total.Incomplete);
    }

    [Fact]
    public void CarryOver_ComparesConsecutiveYearsOfTheSameAgency()
    {
        var y1 = ReportGenerator.Consistent(new Random(1), Edition.V2021, 2023);
        var y2 = ReportGenerator.Consistent(new Random(2), Edition.V2021, 2024);
        y1.Agency = "洪泽区人民政府";
        y2.Agency = "淮安市洪泽区人民政府";
        var result = ReportRollup.Build([Input(y1, "2023"), Input(y2, "2024")]);
        var carry = result.Entries[1].Diagnostics.Where(d => d.Code == DiagnosticCodes.CarryOver).ToArray();
        var forward = y1.Requests!["carriedForward"]!;
        var carried = y2.Requests!["carriedOver"]!;
        var differing = Enumerable.Range(0, 7).Where(c => forward[c] != carried[c]).Select(c => ApplicantColumns.All[c].Label).ToArray();
        Assert.Equal(differing, carry.Select(d => d.Location.Column));
        Assert.DoesNotContain(result.Entries[0].Diagnostics, d => d.Code == DiagnosticCodes.CarryOver);

        y2.Requests!["carriedOver"] = (int?[])forward.Clone();
        y2.Requests!["received"] = y2.Requests!["received"]!.Select((v, c) => v - (forward[c] - carried[c])).ToArray();
        var fixedUp = ReportRollup.Build([Input(y1, "2023"), Input(y2, "2024")]);
        Assert.DoesNotContain(fixedUp.Entries[1].Diagnostics, d => d.Code == DiagnosticCodes.CarryOver);
    }

    [Theory]
    [InlineData("洪泽区人民政府", "淮安市洪泽区人民政府", true)]
    [InlineData("北关区教育局", "北关区 教育局", true)]
    [InlineData("北关区教育局", "南湖区教育局", false)]
    [InlineData("教育局", "北关区教育局", false)]
    public void SameAgency_ToleratesTheSuperiorsNameInFront(string a, string b, bool same) =>
        Assert.Equal(same, ReportRollup.SameAgency(a, b));
}
