using Gongkai.Core.Cases;
using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Rules;
using Gongkai.Core.Statute;
using Gongkai.Testing;

namespace Gongkai.Core.Tests.Reports;

public class ReportFromRecordsTests
{
    private static (List<ApplicationRecord> Apps, List<AppealRecord> Appeals, List<NormativeRecord> Docs) History(int seed)
    {
        var random = new Random(seed);
        var apps = CaseHistoryGenerator.Applications(random, 600, 2020, 2024);
        return (apps, CaseHistoryGenerator.Appeals(random, apps, 40), CaseHistoryGenerator.Normative(random, 60, 2020, 2024));
    }

    private static AnnualReport Build(int year, (List<ApplicationRecord> Apps, List<AppealRecord> Appeals, List<NormativeRecord> Docs) h)
    {
        var report = ReportFromRecords.Build("北关区灯塔路街道办事处", year, h.Apps, h.Appeals, h.Docs, new ProactiveYear(year, 10, 5, 1, 0.1250m));
        report.Sections = new ReportNarrative("概述", "问题", "本年度未收取信息处理费。");
        return report;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RandomHistories_GiveReportsThatPassEveryRule(int seed)
    {
        var history = History(seed);
        for (var year = 2021; year <= 2024; year++)
        {
            var report = Build(year, history);
            var previous = Build(year - 1, history);
            Assert.Empty(ReportChecker.Check(report, new CheckContext { PreviousYear = previous.Edition == report.Edition ? previous : null }));
        }
    }

    [Fact]
    public void Table3_EqualsANaiveRecountOfTheRecords()
    {
        var history = History(4);
        for (var year = 2021; year <= 2024; year++)
        {
            var report = Build(year, history);
            var start = new DateOnly(year, 1, 1);
            var end = new DateOnly(year, 12, 31);
            bool OpenAt(ApplicationRecord a, DateOnly day) => a.ReceivedOn <= day && (a.ClosedOn is null || a.ClosedOn > day);
            foreach (var applicant in Enum.GetValues<ApplicantType>())
            {
                var mine = history.Apps.Where(a => a.Applicant == applicant).ToArray();
                var column = (int)applicant;
                Assert.Equal(mine.Count(a => a.ReceivedOn.Year == year), report.Requests!["received"]![column]);
                Assert.Equal(mine.Count(a => OpenAt(a, start.AddDays(-1))), report.Requests["carriedOver"]![column]);
                Assert.Equal(mine.Count(a => OpenAt(a, end)), report.Requests["carriedForward"]![column]);
                foreach (var outcome in Enum.GetValues<Outcome>().Where(o => o != Outcome.OtherHandling))
                {
                    var key = RequestTable.RowFor(outcome, Edition.V2021).Key;
                    Assert.Equal(mine.Count(a => a.Ledger.Decision is { } d && d.On.Year == year && d.Outcome == outcome), report.Requests[key]![column]);
                }

                var withdrawnOrOther = mine.Count(a => a.ClosedOn?.Year == year && (a.Ledger.Withdrawal is not null || a.Ledger.Decision?.Outcome == Outcome.OtherHandling));
                Assert.Equal(withdrawnOrOther, report.Requests["otherHandling.other"]![column]);
            }
        }
    }

    [Fact]
    public void CarryOverChain_ForwardOfOneYearIsCarriedOverOfTheNext()
    {
        var history = History(5);
        for (var year = 2020; year < 2024; year++)
        {
            var a = Build(year, history);
            var b = Build(year + 1, history);
            Assert.Equal(
                a.Requests![RequestTable.Row(a.Edition, RequestRowKind.CarriedForward)],
                b.Requests![RequestTable.Row(b.Edition, RequestRowKind.CarriedOver)]);
        }
    }

    [Fact]
    public void Table4_CountsAppealsFiledInTheYear_PendingUntilDecided_AndAgainInTheYearTheyConclude()
    {
        var appeals = new[]
        {
            new AppealRecord("A", AppealKind.Reconsideration, new DateOnly(2023, 3, 1), AppealResult.Upheld, new DateOnly(2023, 6, 1)),
            new AppealRecord("B", AppealKind.Reconsideration, new DateOnly(2023, 11, 1), AppealResult.Corrected, new DateOnly(2024, 2, 1)),
            new AppealRecord("C", AppealKind.LitigationAfterReconsideration, new DateOnly(2023, 5, 1)),
            new AppealRecord("D", AppealKind.LitigationDirect, new DateOnly(2022, 5, 1), AppealResult.Other, new DateOnly(2023, 1, 9)),
        };
        var report = ReportFromRecords.Build("x", 2023, [], appeals, [], null);
        Assert.Equal([1, 0, 0, 1, 2], report.Appeals![AppealTable.Groups[0]]!);
        Assert.Equal([0, 0, 1, 0, 1], report.Appeals[AppealTable.Groups[1]]!); // D: pending at the end of 2022, concluded 2023
        Assert.Equal([0, 0, 0, 1, 1], report.Appeals[AppealTable.Groups[2]]!);
        var next = ReportFromRecords.Build("x", 2024, [], appeals, [], null);
        Assert.Equal([0, 1, 0, 0, 1], next.Appeals![AppealTable.Groups[0]]!); // B: 尚未审结 in 2023, 纠正 in 2024
        Assert.Equal([0, 0, 0, 0, 0], next.Appeals[AppealTable.Groups[2]]!);  // C: still pending, filed earlier: not counted again
    }

    [Fact]
    public void Table2_NormativeStocksFollowIssueAndRepealDates()
    {
        var docs = new[]
        {
            new NormativeRecord("a", NormativeKind.NormativeDocument, new DateOnly(2021, 5, 1)),
            new NormativeRecord("b", NormativeKind.NormativeDocument, new DateOnly(2022, 5, 1), new DateOnly(2023, 3, 1)),
            new NormativeRecord("c", NormativeKind.NormativeDocument, new DateOnly(2023, 7, 1)),
            new NormativeRecord("d", NormativeKind.Rule, new DateOnly(2019, 1, 1), new DateOnly(2021, 1, 1)),
        };
        var report = ReportFromRecords.Build("x", 2023, [], [], docs, new ProactiveYear(2023, 3, 2, 1, 1.5m));
        Assert.Equal([1m, 1m, 2m], report.Proactive!["normativeDocuments"]!);
        Assert.Equal([0m, 0m, 0m], report.Proactive["rules"]!);
        Assert.Equal(1.5m, report.Proactive.Cell("fees", "amount"));
        Assert.Equal(Edition.V2019, ReportFromRecords.Build("x", 2020, [], [], docs, null).Edition);
    }

    [Fact]
    public void Table2_2019Edition_UsesTheRecordedProjectCounts()
    {
        var legacy = new LegacyProactiveCounts(40, -3, 12, 2, 30, 25, 1, 6, 0, 5, -1, 2, 35.5m);
        var report = ReportFromRecords.Build("x", 2020, [], [], [], new ProactiveYear(2020, 100, 20, 3, 0m, legacy));
        Assert.Equal(Edition.V2019, report.Edition);
        Assert.Equal([40m, -3m, 100m], report.Proactive!["licensing"]!);
        Assert.Equal([12m, 2m, 30m], report.Proactive["otherServices"]!);
        Assert.Equal([2m, 35.5m], report.Proactive["procurement"]!);
        Assert.DoesNotContain(ReportChecker.Check(report), d => d.Code == DiagnosticCodes.BlankCell || d.Code == DiagnosticCodes.Negative);

        var without = ReportFromRecords.Build("x", 2020, [], [], [], new ProactiveYear(2020, 100, 20, 3, 0m));
        Assert.Contains(ReportChecker.Check(without), d => d.Code == DiagnosticCodes.BlankCell && d.Location.Row!.Contains("行政许可", StringComparison.Ordinal));
    }
}
