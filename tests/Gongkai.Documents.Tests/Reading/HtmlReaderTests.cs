using Gongkai.Core.Statute;
using Gongkai.Documents.Reading;

namespace Gongkai.Documents.Tests.Reading;

public class HtmlReaderTests
{
    /// <summary>Shaped like a report pasted into a government CMS: nested spans and fonts, &amp;nbsp; blanks, group labels on the first row only.</summary>
    private const string Page = """
        <html><head><meta charset="utf-8"><title>年报</title><style>td{font-size:12px}</style></head>
        <body><div class="article"><div class="title"><span style="font-size:22px">南湖市生态环境局<b>2022</b>年政府信息公开工作年度报告</span></div>
        <p><strong>一、总体情况</strong></p><p>&nbsp;&nbsp;2022年，我局收到政府信息公开申请<span>5</span>件。</p>
        <p><strong>二、主动公开政府信息情况</strong></p>
        <table border="1"><tbody>
        <tr><td colspan="4"><p><span>第二十条第（一）项</span></p></td></tr>
        <tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
        <tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>
        <tr><td>行政规范性文件</td><td><font>2</font></td><td>1</td><td>9</td></tr>
        <tr><td colspan="4">第二十条第（五）项</td></tr><tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
        <tr><td>行政许可</td><td colspan="3">12</td></tr>
        <tr><td colspan="4">第二十条第（六）项</td></tr><tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
        <tr><td>行政处罚</td><td colspan="3">30</td></tr><tr><td>行政强制</td><td colspan="3">&nbsp;</td></tr>
        <tr><td colspan="4">第二十条第（八）项</td></tr><tr><td>信息内容</td><td colspan="3">本年收费金额（单位：万元）</td></tr>
        <tr><td>行政事业性收费</td><td colspan="3">0.5000</td></tr>
        </tbody></table>
        <p><strong>三、收到和处理政府信息公开申请情况</strong></p>
        <table border="1"><tbody>
        <tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
        <tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
        <tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
        <tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>4</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>5</td></tr>
        <tr><td colspan="3">二、上年结转政府信息公开申请数量</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td></tr>
        <tr><td rowspan="22"><p>三、本年度办理结果</p></td><td colspan="2">（一）予以公开</td><td>3</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>4</td></tr>
        <tr><td colspan="2">（二）部分公开（区分处理的，只计这一情形，不计其他情形）</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td></tr>
        ROWS
        <tr><td colspan="2">（七）总计</td><td>5</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>6</td></tr>
        <tr><td colspan="3">四、结转下年度继续办理</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
        </tbody></table>
        <p><strong>四、政府信息公开行政复议、行政诉讼情况</strong></p>
        <table border="1"><tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
        <tr><td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td><td rowspan="2">尚未审结</td><td rowspan="2">总计</td><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
        <tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>
        <tr><td>1</td><td>0</td><td>0</td><td>0</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr></table>
        <p><strong>五、存在的主要问题及改进情况</strong></p><p>问题与改进。</p>
        <p><strong>六、其他需要报告的事项</strong></p><p>本年度未收取信息处理费。</p>
        </div></body></html>
        """;

    private static string Rows()
    {
        var sb = new System.Text.StringBuilder();
        string? group = null;
        foreach (var row in RequestTable.OutcomeRows(Edition.V2021).Where(r => r.Group is not null))
        {
            sb.Append("<tr>");
            if (row.Group != group)
            {
                group = row.Group;
                sb.Append("<td rowspan=\"").Append(RequestTable.Rows(Edition.V2021).Count(r => r.Group == group)).Append("\"><span>").Append(group).Append("</span></td>");
            }

            var value = row.Key == "unavailable.notHeld" ? "1" : "0";
            sb.Append("<td>").Append(row.Label).Append("</td><td>").Append(value).Append("</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>").Append(value).Append("</td></tr>\n");
        }

        return sb.ToString();
    }

    [Fact]
    public void GovernmentStylePage_ReadsEveryTable()
    {
        var html = Page.Replace("ROWS", Rows(), StringComparison.Ordinal);
        var loaded = ReportLoader.Load("page.html", System.Text.Encoding.UTF8.GetBytes(html));
        var report = loaded.Report!;
        Assert.Equal("html", loaded.Form);
        Assert.Equal(("南湖市生态环境局", 2022, Edition.V2021), (report.Agency, report.Year, report.Edition));
        Assert.Equal([2m, 1m, 9m], report.Proactive!["normativeDocuments"]!);
        Assert.Equal([null], report.Proactive["enforcement"]!);
        Assert.Equal(0.5000m, report.Proactive.Cell("fees", "amount"));
        Assert.Equal([4, 1, 0, 0, 0, 0, 5], report.Requests!["received"]!);
        Assert.Equal([1, 0, 0, 0, 0, 0, 1], report.Requests["unavailable.notHeld"]!);
        Assert.Equal([5, 1, 0, 0, 0, 0, 6], report.Requests["total"]!);
        Assert.Equal([1, 0, 0, 0, 1], report.Appeals![AppealTable.Groups[0]]!);
        Assert.Equal("本年度未收取信息处理费。", report.Sections.Other);

        var codes = loaded.Check().Select(d => d.Code).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["blank-cell"], codes); // 行政强制 is &nbsp;; the narrative's 5 applications agree with table 三
    }
}
