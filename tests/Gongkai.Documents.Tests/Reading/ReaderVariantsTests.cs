using Gongkai.Core.Reports.Rules;
using Gongkai.Documents.Reading.Text;

namespace Gongkai.Documents.Tests.Reading;

/// <summary>Wordings and cell spellings seen in real reports, each read or reported — never misread.</summary>
public class ReaderVariantsTests
{
    private const string Table2 = """
        二、主动公开政府信息情况
        第二十条第（一）项
        信息内容	本年新制作数量	本年新公开数量	对外公开总数量
        规章	0	0	0
        规范性文件	3件	3件	12件
        第二十条第（五）项
        信息内容	上一年项目数量	本年增/减	处理决定数量
        行政许可	97+82179
        """;

    [Fact]
    public void TitleAfterSiteNavigation_GivesTheAgencyOnly()
    {
        var loaded = TextReportReader.Read("当前位置：首页>政务公开>政府信息公开年报>某某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n略。\n" + Table2, "t");
        Assert.Equal("某某县人民政府", loaded.Report!.Agency);
        Assert.Equal(2023, loaded.Report.Year);
    }

    [Fact]
    public void UnitInsideACell_IsTheNumber_AndASignedChangeGluedToItsNeighbours_IsReportedNotGuessed()
    {
        var loaded = TextReportReader.Read("某某县教育局2019年政府信息公开工作年度报告\n一、总体情况\n略。\n" + Table2, "t");
        var proactive = loaded.Report!.Proactive!;
        Assert.Equal([3m, 3m, 12m], proactive["normativeDocuments"]!);
        Assert.All(proactive["licensing"]!, v => Assert.Null(v));
        var unreadable = loaded.Check().Where(d => d.Code == DiagnosticCodes.UnreadableCell && d.Location.Cell!.StartsWith("proactive.licensing", StringComparison.Ordinal)).ToArray();
        Assert.Equal(3, unreadable.Length);
        Assert.Contains("97,82,179", unreadable[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("四、因政府信息公开工作被申请行政复议、提起行政诉讼情况")]
    [InlineData("四、因政府信息公开申请提起行政复议、行政诉讼情况")]
    [InlineData("四、政府信息公开行政复议、行政诉讼情况")]
    public void AppealHeadingWordings_AreSectionFour(string heading)
    {
        var text = $"某某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n略。\n{heading}\n行政复议\t行政诉讼\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n五、存在的主要问题及改进情况\n无。\n";
        var loaded = TextReportReader.Read(text, "t");
        Assert.NotNull(loaded.Report!.Appeals);
        Assert.DoesNotContain(loaded.Check(), d => d.Code == DiagnosticCodes.MissingSection && d.Message.Contains("四、", StringComparison.Ordinal));
        Assert.Equal(1, loaded.Report.Appeals![Gongkai.Core.Statute.AppealTable.Groups[0]]![4]);
    }

    [Fact]
    public void TabSeparatedRowWithABlankTotal_KeepsItsBlankInPlace()
    {
        var row = "一、本年新收政府信息公开申请数量\t1\t2\t0\t0\t0\t3\t";
        var text = $"某某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n略。\n三、收到和处理政府信息公开申请情况\n申请人情况\n{row}\n";
        var loaded = TextReportReader.Read(text, "t");
        Assert.Equal([1, 2, 0, 0, 0, 3, null], loaded.Report!.Requests!["received"]!);
    }
}
