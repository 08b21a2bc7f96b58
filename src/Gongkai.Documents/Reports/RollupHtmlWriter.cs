using System.Globalization;
using System.Net;
using System.Text;
using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Rules;
using Gongkai.Core.Statute;

namespace Gongkai.Documents.Reports;

/// <summary>A standalone HTML summary of a roll-up: each report with its diagnostics, then the summed tables per year.</summary>
public static class RollupHtmlWriter
{
    public static string Write(RollupResult result)
    {
        var sb = new StringBuilder(64 * 1024);
        sb.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>政府信息公开工作年度报告汇总</title>\n<style>\n")
          .Append("body{font-family:\"Noto Sans CJK SC\",sans-serif;font-size:14px;margin:1em auto;max-width:1100px}")
          .Append("table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #999;padding:3px 6px}")
          .Append(".error{color:#b00}.warning{color:#a60}.info{color:#357}td.n{text-align:right}")
          .Append("table.gk{width:100%;font-size:12px}table.gk td.label{text-align:left}table.gk td,table.gk th{text-align:center}")
          .Append("\n</style>\n</head>\n<body>\n<h1>政府信息公开工作年度报告汇总</h1>\n");
        sb.Append("<h2>逐份报告（").Append(result.Entries.Count).Append("份）</h2>\n<table>\n<tr><th>文件</th><th>机关</th><th>年度</th><th>格式</th><th>错误</th><th>警告</th></tr>\n");
        foreach (var e in result.Entries)
        {
            var r = e.Input.Report;
            sb.Append("<tr><td>").Append(E(e.Input.Source)).Append("</td><td>").Append(E(r?.Agency ?? "—")).Append("</td><td>")
              .Append(r?.Year.ToString(CultureInfo.InvariantCulture) ?? "—").Append("</td><td>").Append(r is null ? "—" : r.Edition.Code() + "年版")
              .Append("</td><td class=\"n\">").Append(e.Errors).Append("</td><td class=\"n\">").Append(e.Warnings).Append("</td></tr>\n");
        }

        sb.Append("</table>\n");
        foreach (var e in result.Entries.Where(e => e.Diagnostics.Count > 0))
        {
            sb.Append("<h3>").Append(E(e.Input.Source)).Append("</h3>\n<ul>\n");
            foreach (var d in e.Diagnostics)
            {
                sb.Append("<li class=\"").Append(d.Severity.SeverityCode()).Append("\">").Append(d.Severity.SeverityLabel()).Append(" <code>")
                  .Append(E(d.Code)).Append("</code> ").Append(E(d.Message)).Append("</li>\n");
            }

            sb.Append("</ul>\n");
        }

        foreach (var total in result.Totals)
        {
            sb.Append("<h2>").Append(total.Year).Append("年度合计（").Append(total.Edition.Code()).Append("年版格式，")
              .Append(total.Agencies.Count).Append("个机关）</h2>\n<p>").Append(E(string.Join("、", total.Agencies))).Append("</p>\n");
            if (total.Incomplete.Count > 0)
            {
                sb.Append("<p class=\"warning\">有 ").Append(total.Incomplete.Count).Append(" 个单元格在部分报告中为空白，合计只计有数据的报告。</p>\n");
            }

            var body = new StringBuilder();
            ReportHtmlWriter.WriteBody(body, total.Sum);
            sb.Append(body);
        }

        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
