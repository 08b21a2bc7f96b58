using Gongkai.Core.Reports;
using Gongkai.Core.Statute;
using Gongkai.Testing;

namespace Gongkai.Core.Tests.Reports;

public class AnnualReportJsonTests
{
    [Fact]
    public void RoundTrip_RandomConsistentReports_IsIdentity()
    {
        var random = new Random(20261122);
        for (var i = 0; i < 300; i++)
        {
            var report = ReportGenerator.Consistent(random);
            var json = AnnualReportJson.Write(report);
            var back = AnnualReportJson.Read(json);
            Assert.Equal(json, AnnualReportJson.Write(back));
            Assert.Equal(report.Requests!.Cell(RequestTable.Row(report.Edition, RequestRowKind.Total), ApplicantColumns.Total),
                back.Requests!.Cell(RequestTable.Row(back.Edition, RequestRowKind.Total), ApplicantColumns.Total));
        }
    }

    [Fact]
    public void Write_UsesTheKeysOfDesignSection4()
    {
        var json = AnnualReportJson.Write(AnnualReport.Blank(2022, Edition.V2021));
        foreach (var key in new[] { "\"format\": \"gongkai.annual-report/1\"", "\"edition\": \"2021\"", "\"normativeDocuments\"", "\"inForce\"",
                     "\"withheld\"", "\"securityStability\"", "\"otherHandling\"", "\"noCorrection\"", "\"unpaidFee\"", "\"carriedForward\"",
                     "\"litigationAfterReconsideration\"", "\"pending\"" })
        {
            Assert.Contains(key, json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Write_2019_OtherHandlingIsASingleRowAndProactiveHasItsOwnColumns()
    {
        var json = AnnualReportJson.Write(AnnualReport.Blank(2020, Edition.V2019));
        Assert.Contains("\"otherHandling\": {\n      \"natural\"", json, StringComparison.Ordinal);
        Assert.Contains("\"procurement\"", json, StringComparison.Ordinal);
        Assert.Contains("\"otherServices\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("noCorrection", json, StringComparison.Ordinal);
    }

    [Fact]
    public void BlankIsNotZero()
    {
        var report = AnnualReport.Blank(2022, Edition.V2021);
        report.Requests!.SetCell(RequestTable.Row(Edition.V2021, RequestRowKind.Received), ApplicantColumns.Natural, 0);
        var back = AnnualReportJson.Read(AnnualReportJson.Write(report));
        Assert.Equal(0, back.Requests!.Cell(RequestTable.Row(Edition.V2021, RequestRowKind.Received), ApplicantColumns.Natural));
        Assert.Null(back.Requests!.Cell(RequestTable.Row(Edition.V2021, RequestRowKind.Received), ApplicantColumns.Commercial));
    }

    [Fact]
    public void MissingTableAndRow_ReadAsNull()
    {
        var report = AnnualReport.Blank(2022, Edition.V2021);
        report.Appeals = null;
        report.Requests!["withheld.deliberative"] = null;
        var back = AnnualReportJson.Read(AnnualReportJson.Write(report));
        Assert.Null(back.Appeals);
        Assert.Null(back.Requests!["withheld.deliberative"]);
        Assert.NotNull(back.Requests!["withheld.stateSecret"]);
    }

    [Fact]
    public void FeeAmount_KeepsItsDecimalPlaces()
    {
        var report = AnnualReport.Blank(2022, Edition.V2021);
        report.Proactive!.SetCell("fees", "amount", 1.2500m);
        var json = AnnualReportJson.Write(report);
        Assert.Contains("\"amount\": \"1.2500\"", json, StringComparison.Ordinal);
        Assert.Equal("1.2500", AnnualReportJson.Read(json).Proactive!.Cell("fees", "amount")!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("\"natural\": \\d+", "\"natural\": \"0\"", "$.requests.received.natural", "应为整数")]
    [InlineData("\"natural\": \\d+", "\"natural\": 1.5", "$.requests.received.natural", "应为整数")]
    [InlineData("\"stateSecret\": \\{", "\"stateSecrets\": {", "$.requests.withheld.stateSecrets", "未知字段")]
    [InlineData("\"edition\": \"2021\"", "\"edition\": \"2020\"", "$.edition", "2019")]
    [InlineData("\"format\": \"gongkai.annual-report/1\"", "\"format\": \"other\"", "$.format", "gongkai.annual-report/1")]
    [InlineData("\"year\": 2022", "\"year\": \"2022\"", "$.year", "应为整数")]
    [InlineData("\"overview\": null", "\"overview\": 3", "$.sections.overview", "应为字符串")]
    [InlineData("\"appeals\": \\{", "\"appeals\": [], \"x\": {", "$.appeals", "应为对象")]
    [InlineData("\"amount\": \"[0-9.]+\"", "\"amount\": \"12万\"", "$.proactive.fees.amount", "十进制")]
    public void Read_BadInput_NamesTheJsonPath(string pattern, string replacement, string path, string problem)
    {
        var report = ReportGenerator.Consistent(new Random(7), Edition.V2021, 2022);
        report.Sections = report.Sections with { Overview = null };
        var json = AnnualReportJson.Write(report);
        var regex = new System.Text.RegularExpressions.Regex(pattern);
        Assert.Matches(regex, json);
        var broken = regex.Replace(json, replacement, 1);
        var e = Assert.Throws<ReportJsonException>(() => AnnualReportJson.Read(broken));
        Assert.Equal(path, e.Path);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NotJson_SaysWhere()
    {
        var e = Assert.Throws<ReportJsonException>(() => AnnualReportJson.Read("{\"format\": \n oops"));
        Assert.Contains("第 2 行", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownTopLevelKey_IsRefused()
    {
        var json = AnnualReportJson.Write(AnnualReport.Blank(2022, Edition.V2021)).Replace("\"agency\"", "\"agencyName\"", StringComparison.Ordinal);
        Assert.Equal("$.agencyName", Assert.Throws<ReportJsonException>(() => AnnualReportJson.Read(json)).Path);
    }
}
