using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Gongkai.Core.Statute;

namespace Gongkai.Core.Reports.Rules;

/// <summary>
/// <c>text-table-mismatch</c>: counts the narrative states (「收到政府信息公开申请75件」,
/// 「未收到…申请」, 「行政复议351件」) compared with the tables they summarise.
/// </summary>
public static partial class NarrativeChecks
{
    public static IEnumerable<Diagnostic> Check(AnnualReport report)
    {
        var received = report.Requests?.Cell(RequestTable.Row(report.Edition, RequestRowKind.Received), ApplicantColumns.Total);
        var reconsideration = report.Appeals?.Cell(AppealTable.Groups[0], AppealTable.Total);
        var litigation = report.Appeals is { } a
            && a.Cell(AppealTable.Groups[1], AppealTable.Total) is { } direct && a.Cell(AppealTable.Groups[2], AppealTable.Total) is { } after
            ? direct + after
            : (int?)null;

        foreach (var (title, text) in Narratives(report))
        {
            foreach (var sentence in Sentences(text))
            {
                if (received is { } r)
                {
                    var m = ReceivedCount().Match(sentence);
                    if (m.Success && int.TryParse(m.Groups["n"].Value, CultureInfo.InvariantCulture, out var n) && n != r)
                    {
                        yield return Mismatch(title, $"正文称“{m.Value}”，但表三「一、本年新收政府信息公开申请数量」「总计」为 {r}",
                            RequestTable.Row(report.Edition, RequestRowKind.Received).Label, "requests.received.total");
                    }
                    else if (r > 0 && NoneReceived().Match(sentence) is { Success: true } none)
                    {
                        yield return Mismatch(title, $"正文称“{none.Value}”，但表三「一、本年新收政府信息公开申请数量」「总计」为 {r}",
                            RequestTable.Row(report.Edition, RequestRowKind.Received).Label, "requests.received.total");
                    }
                }

                foreach (var (pattern, actual, label, path) in new[]
                         {
                             (ReconsiderationCount(), reconsideration, "行政复议「总计」", "appeals.reconsideration.total"),
                             (LitigationCount(), litigation, "行政诉讼两组「总计」之和", "appeals.litigation*.total"),
                         })
                {
                    if (actual is { } value && pattern.Match(sentence) is { Success: true } m
                        && int.TryParse(m.Groups["n"].Value, CultureInfo.InvariantCulture, out var stated) && stated != value)
                    {
                        yield return Mismatch(title, $"正文称“{m.Value}”，但表四{label}为 {value}", label, path);
                    }
                }

                if (reconsideration is { } rc && litigation is { } lt && rc + lt > 0 && NoAppeals().Match(sentence) is { Success: true } no)
                {
                    yield return Mismatch(title, $"正文称“{no.Value}”，但表四行政复议、行政诉讼合计 {rc + lt} 件", "表四", "appeals");
                }
            }
        }
    }

    private static Diagnostic Mismatch(string title, string message, string row, string path) =>
        new(DiagnosticCodes.TextTableMismatch, DiagnosticCodes.SeverityOf(DiagnosticCodes.TextTableMismatch), message,
            new DiagnosticLocation(title, row, null, null, path));

    private static IEnumerable<(string Title, string Text)> Narratives(AnnualReport report)
    {
        if (report.Sections.Overview is { } o)
        {
            yield return (ReportSections.Overview, o);
        }

        if (report.Sections.Other is { } x)
        {
            yield return (ReportSections.Other, x);
        }
    }

    private static IEnumerable<string> Sentences(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch))
            {
                continue;
            }

            sb.Append(ch is >= '０' and <= '９' ? (char)(ch - '０' + '0') : ch);
        }

        return sb.ToString().Split(['。', '；', ';', '\n'], StringSplitOptions.RemoveEmptyEntries);
    }

    [GeneratedRegex(@"(收到|受理|接收|新收)[^，,。（(]{0,12}?(政府信息公开|信息公开|依申请公开)[^，,。（(]{0,6}?申请(共计?|总计|合计)?(?<n>\d+)件")]
    private static partial Regex ReceivedCount();

    [GeneratedRegex(@"(未|没有)(收到|接到|受理|接收)[^，,。]{0,20}?申请")]
    private static partial Regex NoneReceived();

    [GeneratedRegex(@"行政复议(案件|申请)?(共计?|合计)?(?<n>\d+)件")]
    private static partial Regex ReconsiderationCount();

    [GeneratedRegex(@"行政诉讼(案件)?(共计?|合计)?(?<n>\d+)件")]
    private static partial Regex LitigationCount();

    [GeneratedRegex(@"(没有|未)(发生|被提起|被申请|收到|出现)?[^，,。]{0,10}?(行政复议|行政诉讼)")]
    private static partial Regex NoAppeals();
}
