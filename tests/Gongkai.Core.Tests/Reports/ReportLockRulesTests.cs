using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Rules;
using Gongkai.Core.Statute;

namespace Gongkai.Core.Tests.Reports;

public class ReportLockRulesTests
{
    private static readonly Diagnostic Warning = new(DiagnosticCodes.BlankCell, Severity.Warning, "空白", new DiagnosticLocation());
    private static readonly Diagnostic Error = new(DiagnosticCodes.Balance, Severity.Error, "不平衡", new DiagnosticLocation());

    private static AnnualReport Report(int year, string overview = "本年度依法办理政府信息公开申请。")
    {
        var report = AnnualReport.Blank(year, Editions.InForceFor(year));
        report.Sections = new ReportNarrative(overview, "无", "本年度未收取信息处理费。");
        return report;
    }

    private static LockRequest Ok(AnnualReport? report = null) =>
        new(report ?? Report(2026), new DateOnly(2027, 1, 4), [Warning], WarningsAcknowledged: true, ReviewedBy: "审核人甲", Actor: "分管领导乙");

    [Fact]
    public void AFinishedReviewedReport_MayBeLockedAfterItsYear() => Assert.Empty(ReportLockRules.Refusals(Ok()));

    [Theory]
    [InlineData("2026-12-31", true)]  // the last day of the year: not over
    [InlineData("2026-06-01", true)]
    [InlineData("2027-01-01", false)]
    public void TheYearMustBeOver(string today, bool refused)
    {
        var refusals = ReportLockRules.Refusals(Ok() with { Today = DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(refused, refusals.Any(r => r.Contains("2026年度尚未结束", StringComparison.Ordinal)));
    }

    [Fact]
    public void Placeholders_AreCountedAndRefused()
    {
        var drafted = Report(2026, $"{NarrativeDraft.Placeholder}甲】和{NarrativeDraft.Placeholder}乙】");
        Assert.Contains(ReportLockRules.Refusals(Ok(drafted)), r => r.Contains("仍有 2 处", StringComparison.Ordinal));
    }

    [Fact]
    public void Errors_AreRefused_WarningsMustBeAcknowledged()
    {
        Assert.Contains(ReportLockRules.Refusals(Ok() with { Diagnostics = [Error] }), r => r.Contains("balance", StringComparison.Ordinal));
        Assert.Contains(ReportLockRules.Refusals(Ok() with { WarningsAcknowledged = false }), r => r.Contains("1 个警告", StringComparison.Ordinal));
        Assert.Empty(ReportLockRules.Refusals(Ok() with { WarningsAcknowledged = false, Diagnostics = [] }));
    }

    [Fact]
    public void TwoPeople_OneReviewsAnotherLocks()
    {
        Assert.Contains(ReportLockRules.Refusals(Ok() with { ReviewedBy = null }), r => r.Contains("尚未审核", StringComparison.Ordinal));
        Assert.Contains(ReportLockRules.Refusals(Ok() with { ReviewedBy = "分管领导乙" }), r => r.Contains("不能是同一人", StringComparison.Ordinal));
    }

    [Fact]
    public void TheIssueExample_2030LockedToday_WithAPlaceholder_GivesEveryReason()
    {
        var refusals = ReportLockRules.Refusals(new LockRequest(Report(2030, $"{NarrativeDraft.Placeholder}】"), new DateOnly(2026, 12, 1), [Error], false, null, "管理员"));
        Assert.Equal(4, refusals.Count);
    }
}
