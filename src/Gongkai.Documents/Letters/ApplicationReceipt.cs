using System.Globalization;
using System.Net;
using Gongkai.Core.Cases;

namespace Gongkai.Documents.Letters;

/// <summary>What the applicant's 回执 states: the case, where it went, when it was received and when the answer is due.</summary>
/// <param name="DueOn">The answer's due date as of the receipt (条例 第三十三条), with <paramref name="DueExplanation"/>.</param>
public sealed record ApplicationReceipt(string TrackingNumber, string AgencyName, ReceiptChannel Channel, DateOnly ReceivedOn, DateOnly DueOn, string DueExplanation, DateOnly IssuedOn);

/// <summary>The 回执 as a self-contained HTML page (A4 when printed), which <see cref="Reports.ReportPdfWriter.WriteHtmlAsync"/> turns into a PDF.</summary>
public static class ApplicationReceiptWriter
{
    public const string Title = "政府信息公开申请回执";

    public static string Html(ApplicationReceipt r)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        static string D(DateOnly d) => d.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
        return $$"""
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>{{Title}} {{E(r.TrackingNumber)}}</title>
            <style>
            body { font-family: 'Noto Serif CJK SC', 'Noto Sans CJK SC', SimSun, serif; font-size: 16pt; line-height: 1.6; }
            h1 { font-size: 22pt; text-align: center; margin: 0 0 24pt; }
            table { border-collapse: collapse; width: 100%; }
            th, td { border: 1px solid #000; padding: 6pt 8pt; text-align: left; vertical-align: top; }
            th { width: 30%; font-weight: normal; }
            .note { font-size: 12pt; margin-top: 18pt; }
            .issuer { text-align: right; margin-top: 30pt; }
            </style></head><body>
            <h1>{{Title}}</h1>
            <table>
            <tr><th>申请编号</th><td id="number">{{E(r.TrackingNumber)}}</td></tr>
            <tr><th>受理机关</th><td>{{E(r.AgencyName)}}</td></tr>
            <tr><th>提交方式</th><td>{{E(r.Channel.Label())}}</td></tr>
            <tr><th>收到申请日期</th><td>{{D(r.ReceivedOn)}}</td></tr>
            <tr><th>答复期限</th><td id="due">{{D(r.DueOn)}}前（含当日）</td></tr>
            </table>
            <p class="note">答复期限依《中华人民共和国政府信息公开条例》第三十三条，自收到申请之日起 20 个工作日计算：{{E(r.DueExplanation)}}需要补正、征求第三方或者其他机关意见、缴纳信息处理费的，期限依条例第三十条、第三十三条和《政府信息公开信息处理费管理办法》相应重新计算或者中止。凭申请编号和提交申请时填写的联系电话可在网站「办理查询」中查看办理进度。</p>
            <p class="issuer">{{E(r.AgencyName)}}<br>{{D(r.IssuedOn)}}</p>
            </body></html>
            """;
    }
}
