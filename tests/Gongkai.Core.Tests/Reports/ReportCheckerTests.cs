using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Rules;
using Gongkai.Core.Statute;
using Gongkai.Testing;

namespace Gongkai.Core.Tests.Reports;

public class ReportCheckerTests
{
    public static TheoryData<Edition> BothEditions => new(Edition.V2019, Edition.V2021);

    private static AnnualReport Consistent(Edition edition, int seed = 1) =>
        ReportGenerator.Consistent(new Random(seed), edition, edition == Edition.V2019 ? 2020 : 2022);

    private static Diagnostic Single(AnnualReport report, string code, CheckContext? context = null)
    {
        var diagnostics = ReportChecker.Check(report, context);
        Assert.All(diagnostics, d => Assert.Equal(code, d.Code));
        return Assert.Single(diagnostics);
    }

    private static RequestRow Row(AnnualReport r, RequestRowKind kind) => RequestTable.Row(r.Edition, kind);

    [Fact]
    public void ConsistentReports_HaveNoDiagnostics()
    {
        var random = new Random(99);
        for (var i = 0; i < 500; i++)
        {
            var report = ReportGenerator.Consistent(random);
            Assert.Empty(ReportChecker.Check(report));
        }
    }

    [Theory]
    [MemberData(nameof(BothEditions))]
    public void RowTotal_FiresOnTheRowWhoseTotalIsWrong(Edition edition)
    {
        var report = Consistent(edition);
        var row = RequestTable.Row(edition, "withheld.thirdPartyRights");
        var cells = report.Requests![row]!;
        // Keep every column sum intact by changing a part and the same part in another row.
        cells[ApplicantColumns.Total.Index] += 1;
        var total = report.Requests[Row(report, RequestRowKind.Total)]!;
        total[ApplicantColumns.Total.Index] += 1;
        var forward = report.Requests[Row(report, RequestRowKind.CarriedForward)]!;
        forward[ApplicantColumns.Total.Index] -= 1;
        if (forward[ApplicantColumns.Total.Index] < 0)
        {
            forward[ApplicantColumns.Total.Index] += 1;
            report.Requests[Row(report, RequestRowKind.Received)]![ApplicantColumns.Total.Index] += 1;
        }

        var diagnostics = ReportChecker.Check(report);
        var d = Assert.Single(diagnostics, x => x.Code == DiagnosticCodes.RowTotal && x.Location.Row == "（三）不予公开 4.保护第三方合法权益");
        Assert.Equal("总计", d.Location.Column);
        Assert.Equal("三", d.Location.Table);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Contains("六类申请人之和", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BothEditions))]
    public void OutcomeTotal_FiresOnTheColumnWhoseTotalIsWrong(Edition edition)
    {
        var report = Consistent(edition);
        var disclosed = report.Requests![RequestTable.Row(edition, "disclosed")]!;
        disclosed[ApplicantColumns.Research.Index] += 2;
        disclosed[ApplicantColumns.Total.Index] += 2;
        var diagnostics = ReportChecker.Check(report);
        Assert.Equal(2, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticCodes.OutcomeTotal, d.Code));
        Assert.Equal(["科研机构", "总计"], diagnostics.Select(d => d.Location.Column));
        Assert.All(diagnostics, d => Assert.Equal("（七）总计", d.Location.Row));
        Assert.Contains("三、本年度办理结果（七）总计", diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BothEditions))]
    public void Balance_FiresPerColumn(Edition edition)
    {
        var report = Consistent(edition);
        var received = report.Requests![Row(report, RequestRowKind.Received)]!;
        received[ApplicantColumns.Natural.Index] += 3;
        received[ApplicantColumns.Total.Index] += 3;
        var diagnostics = ReportChecker.Check(report);
        Assert.Equal(2, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticCodes.Balance, d.Code));
        Assert.Equal(["自然人", "总计"], diagnostics.Select(d => d.Location.Column));
        Assert.Contains("一、本年新收", diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Contains("四、结转下年度继续办理", diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BothEditions))]
    public void AppealTotal_FiresOnTheGroup(Edition edition)
    {
        var report = Consistent(edition);
        report.Appeals!.SetCell(AppealTable.Groups[1], AppealTable.Total, 99);
        var d = Single(report, DiagnosticCodes.AppealTotal);
        Assert.Equal("行政诉讼（未经复议直接起诉）", d.Location.Row);
        Assert.Equal("四", d.Location.Table);
        Assert.Equal("appeals.litigationDirect.total", d.Location.Cell);
    }

    [Theory]
    [MemberData(nameof(BothEditions))]
    public void Negative_FiresOnNegativeCountsButNotOn2019Change(Edition edition)
    {
        var report = Consistent(edition);
        report.Appeals![AppealTable.Groups[0]] = [-1, 1, 0, 0, 0];
        var d = Single(report, DiagnosticCodes.Negative);
        Assert.Equal("结果维持", d.Location.Column);

        var ok = Consistent(edition);
        if (edition == Edition.V2019)
        {
            ok.Proactive!.SetCell("licensing", "change", -8);
            Assert.Empty(ReportChecker.Check(ok));
        }
        else
        {
            ok.Proactive!.SetCell("licensing", "decisions", -8);
            Assert.Equal("行政许可", Single(ok, DiagnosticCodes.Negative).Location.Row);
        }
    }

    [Theory]
    [MemberData(nameof(BothEditions))]
    public void BlankCell_IsAWarningWithItsCell(Edition edition)
    {
        var report = Consistent(edition);
        report.Requests!.SetCell(RequestTable.Row(edition, "unavailable.notHeld"), ApplicantColumns.Legal, null);
        var d = Single(report, DiagnosticCodes.BlankCell);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Equal("（四）无法提供 1.本机关不掌握相关政府信息", d.Location.Row);
        Assert.Equal("法律服务机构", d.Location.Column);
        Assert.Equal("requests.unavailable.notHeld.legal", d.Location.Cell);
    }

    [Fact]
    public void BlankRow_IsOneDiagnostic()
    {
        var report = Consistent(Edition.V2019);
        report.Requests![RequestTable.Row(Edition.V2019, "otherHandling")] = new int?[7];
        var d = Single(report, DiagnosticCodes.BlankCell);
        Assert.Equal("（六）其他处理", d.Location.Row);
        Assert.Null(d.Location.Column);
    }

    [Fact]
    public void UnreadableCell_ReplacesBlankCellWhenTheReaderSawSomething()
    {
        var report = Consistent(Edition.V2021);
        report.Requests!.SetCell(RequestTable.Row(Edition.V2021, "disclosed"), ApplicantColumns.Natural, null);
        var context = new CheckContext
        {
            UnreadableCells = new Dictionary<string, string> { ["requests.disclosed.natural"] = "“l2”" },
            Lines = new Dictionary<string, int> { ["requests.disclosed"] = 41 },
        };
        var d = Single(report, DiagnosticCodes.UnreadableCell, context);
        Assert.Equal(41, d.Location.Line);
        Assert.Contains("l2", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BothEditions))]
    public void MissingRowTableAndSection(Edition edition)
    {
        var report = Consistent(edition);
        report.Requests![RequestTable.Row(edition, "notProcessed.duplicate")] = null;
        Assert.Equal("（五）不予处理 2.重复申请", Single(report, DiagnosticCodes.MissingRow).Location.Row);

        report = Consistent(edition);
        report.Appeals = null;
        Assert.Equal("四", Single(report, DiagnosticCodes.MissingTable).Location.Table);

        report = Consistent(edition);
        report.Sections = report.Sections with { Problems = null };
        Assert.Equal(ReportSections.Problems, Single(report, DiagnosticCodes.MissingSection).Location.Table);
    }

    [Fact]
    public void EditionMismatch_When2021ReportUses2019Layout()
    {
        var report = ReportGenerator.Consistent(new Random(3), Edition.V2019, 2021);
        var d = Single(report, DiagnosticCodes.EditionMismatch);
        Assert.Contains("国办公开办函〔2021〕30号", d.Message, StringComparison.Ordinal);

        var old = ReportGenerator.Consistent(new Random(3), Edition.V2021, 2020);
        Assert.Contains(ReportChecker.Check(old), x => x.Code == DiagnosticCodes.EditionMismatch);
    }

    [Fact]
    public void InForce_2021_StockMustFollowIssuedAndRepealed()
    {
        var previous = Consistent(Edition.V2021);
        var report = ReportGenerator.FollowOn(previous, new Random(5));
        var context = new CheckContext { PreviousYear = previous };
        Assert.Empty(ReportChecker.Check(report, context));
        report.Proactive!.SetCell("normativeDocuments", "inForce", report.Proactive.Cell("normativeDocuments", "inForce") + 1);
        var d = Single(report, DiagnosticCodes.InForce, context);
        Assert.Equal("行政规范性文件", d.Location.Row);
        Assert.Equal("现行有效件数", d.Location.Column);
        Assert.Empty(ReportChecker.Check(report)); // no previous year → no cross-year check
    }

    [Fact]
    public void InForce_2019_ProjectCountsCarry()
    {
        var previous = ReportGenerator.Consistent(new Random(8), Edition.V2019, 2019);
        var report = ReportGenerator.FollowOn(previous, new Random(9));
        var context = new CheckContext { PreviousYear = previous };
        Assert.Empty(ReportChecker.Check(report, context));
        report.Proactive!.SetCell("fees", "previous", 1000);
        Assert.Equal("行政事业性收费", Single(report, DiagnosticCodes.InForce, context).Location.Row);
    }

    [Fact]
    public void CarryOver_FiresPerColumnWhenLastYearsForwardDiffers()
    {
        var previous = Consistent(Edition.V2021);
        var report = ReportGenerator.FollowOn(previous, new Random(6));
        var context = new CheckContext { PreviousYear = previous };
        Assert.Empty(ReportChecker.Check(report, context));
        var carried = report.Requests!["carriedOver"]!;
        var received = report.Requests!["received"]!;
        carried[ApplicantColumns.Legal.Index] += 1;
        carried[ApplicantColumns.Total.Index] += 1;
        received[ApplicantColumns.Legal.Index] -= 1;
        received[ApplicantColumns.Total.Index] -= 1;
        var diagnostics = ReportChecker.Check(report, context).Where(d => d.Code != DiagnosticCodes.Negative).ToArray();
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticCodes.CarryOver, d.Code));
        Assert.Equal(["法律服务机构", "总计"], diagnostics.Select(d => d.Location.Column));
        Assert.Equal("二、上年结转政府信息公开申请数量", diagnostics[0].Location.Row);
    }

    [Fact]
    public void FeeStatement_Only2021AndOnlyWhenSectionSixIsSilent()
    {
        var report = Consistent(Edition.V2021);
        report.Sections = report.Sections with { Other = "无" };
        Assert.Equal(ReportSections.Other, Single(report, DiagnosticCodes.FeeStatement).Location.Table);

        var old = Consistent(Edition.V2019);
        old.Sections = old.Sections with { Other = "无" };
        Assert.Empty(ReportChecker.Check(old));
    }

    [Theory]
    [InlineData("北关区教育局", "2023-01-31", false)]
    [InlineData("北关区教育局", "2023-02-01", true)]
    [InlineData("北关区人民政府", "2023-03-31", false)]
    [InlineData("北关区人民政府", "2023-04-01", true)]
    [InlineData("河西镇人民政府", "2023-02-01", true)]
    public void LatePublication_FollowsArticle49(string agency, string published, bool late)
    {
        var report = Consistent(Edition.V2021);
        report.Agency = agency;
        var context = new CheckContext { PublishedOn = DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture) };
        var diagnostics = ReportChecker.Check(report, context);
        Assert.Equal(late, diagnostics.Any(d => d.Code == DiagnosticCodes.LatePublication));
    }

    [Fact]
    public void ArithmeticRules_SkipSumsWithBlankCells()
    {
        var report = Consistent(Edition.V2021);
        report.Requests!.SetCell(Row(report, RequestRowKind.Total), ApplicantColumns.Natural, null);
        var diagnostics = ReportChecker.Check(report);
        Assert.Equal([DiagnosticCodes.BlankCell], diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void EveryCode_HasADescription() =>
        Assert.All(DiagnosticCodes.All, c => Assert.False(string.IsNullOrWhiteSpace(c.Description)));
}
