using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Rules;
using Gongkai.Core.Statute;
using Gongkai.Testing;

namespace Gongkai.Core.Tests.Reports;

public class NarrativeDraftTests
{
    private static AnnualReport Report() => ReportGenerator.Consistent(new Random(11), Edition.V2021, 2026);

    [Fact]
    public void Draft_CitesAcceptedSuggestions_UnderArticle44_OnlyWhenThereWereAny()
    {
        Assert.Contains("依据条例第四十四条，将3类多人申请的相同政府信息转为主动公开。", NarrativeDraft.For(Report(), 3).Overview, StringComparison.Ordinal);
        Assert.DoesNotContain("第四十四条", NarrativeDraft.For(Report(), 0).Overview, StringComparison.Ordinal);
        Assert.DoesNotContain("第四十四条", NarrativeDraft.For(Report()).Overview, StringComparison.Ordinal);
    }

    [Fact]
    public void Draft_NeverContradictsTheTables()
    {
        var report = Report();
        report.Sections = NarrativeDraft.For(report, 2);
        Assert.DoesNotContain(ReportChecker.Check(report), d => d.Code == "text-table-mismatch");
    }
}
