using System.Text;
using System.Text.RegularExpressions;
using Gongkai.Core.Statute;

namespace Gongkai.Documents.Reading.Text;

/// <summary>
/// Puts text that crawlers and browsers produce into the row-per-line form the line reader reads,
/// before anything else looks at it:
/// <list type="bullet">
/// <item>Crawler metadata first (「标题: …」「发布时间: …」「原文链接: …」 up to 「==== 正文 ====」): dropped,
/// the 标题 kept as the title line.</item>
/// <item>One table cell per line, cells separated by a run of blank lines and rows by a longer run
/// (a blank cell is one more run): each row is joined into one tab-separated line, a blank cell an
/// empty tab field, in place of its first line so line numbers still point at the source.</item>
/// <item>A whole page on one line (nodes joined by spaces or by nothing): soft line breaks are put
/// before every section heading, table block, row label and title, found anywhere in the line, so
/// each label starts a line followed by its numbers.</item>
/// </list>
/// Soft breaks are <see cref="SoftBreak"/>: <see cref="SourceText"/> splits on them but keeps the
/// source line number.
/// </summary>
public static partial class TextReflow
{
    /// <summary>A line break inserted by the reflow (U+2028 LINE SEPARATOR); the line keeps its number.</summary>
    public const char SoftBreak = '\u2028';

    /// <summary>A line this long holding table labels is a page joined onto one line.</summary>
    private const int JoinedLineLength = 300;

    public static string Apply(string text)
    {
        text = StripCrawlerHeader(text);
        if (CellPerLine.Detect(text) is { } layout)
        {
            text = CellPerLine.Join(text, layout);
        }

        return BreakJoinedLines(text);
    }

    /// <summary>Crawler metadata lines at the top; the 正文 separator line ends them.</summary>
    private static string StripCrawlerHeader(string text)
    {
        var first = text.AsSpan().TrimStart();
        var end = first.IndexOf('\n');
        if (!CrawlerField().IsMatch(end < 0 ? first : first[..end]))
        {
            return text; // the common case: no metadata, no copy
        }

        var lines = text.Split('\n');
        var limit = Math.Min(lines.Length, 30);
        string? title = null;
        var last = -1;
        for (var i = 0; i < limit; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var meta = CrawlerField().Match(line);
            if (meta.Success)
            {
                if (meta.Groups[1].Value == "标题" && meta.Groups[2].Value.Trim() is { Length: > 0 } t)
                {
                    title = t;
                }

                last = i;
                continue;
            }

            if (BodySeparator().IsMatch(line) || line.StartsWith("页面链接", StringComparison.Ordinal))
            {
                last = i;
                continue;
            }

            break;
        }

        if (last < 0)
        {
            return text;
        }

        // Keep the line count: metadata lines become blank, the title takes the first one.
        for (var i = 0; i <= last; i++)
        {
            lines[i] = "";
        }

        if (title is not null)
        {
            lines[0] = title;
        }

        return string.Join('\n', lines);
    }

    /// <summary>Puts soft breaks into each very long line that holds report structure.</summary>
    private static string BreakJoinedLines(string text)
    {
        if (LongestLine(text) < JoinedLineLength)
        {
            return text; // the common case: no copy
        }

        var lines = text.Split('\n');
        var changed = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length >= JoinedLineLength && Markers(lines[i]) >= 2 && Anchors.CountIn(lines[i]) >= 3)
            {
                lines[i] = Anchors.Break(lines[i]);
                changed = true;
            }
        }

        return changed ? string.Join('\n', lines) : text;
    }

    /// <summary>Cheap pre-test of a long line: how many distinct table markers it holds (a narrative paragraph holds few).</summary>
    private static int Markers(string line)
    {
        var count = 0;
        foreach (var marker in _markers)
        {
            count += line.Contains(marker, StringComparison.Ordinal) ? 1 : 0;
        }

        return count;
    }

    private static readonly string[] _markers = ["第二十条", "申请人情况", "本年新收", "上年结转", "结转下年度", "予以公开", "尚未审结"];

    private static int LongestLine(string text)
    {
        var longest = 0;
        var span = text.AsSpan();
        while (span.Length > 0)
        {
            var at = span.IndexOf('\n');
            var length = at < 0 ? span.Length : at;
            longest = Math.Max(longest, length);
            span = at < 0 ? [] : span[(at + 1)..];
        }

        return longest;
    }

    [GeneratedRegex(@"^(标题|发布时间|发文日期|成文日期|文号|发布机构|发文机关|栏目|所属栏目|原文链接|来源链接|网址|本地目录|索引号|主题分类|来源|信息来源|抓取时间)\s*[:：](.*)$")]
    private static partial Regex CrawlerField();

    [GeneratedRegex(@"^[=\-─—_*#\s]{3,}(正文|内容)?[=\-─—_*#\s]*$")]
    private static partial Regex BodySeparator();

    /// <summary>Where a joined page is broken: before headings, table blocks, row labels and the title.</summary>
    private static partial class Anchors
    {
        /// <summary>The regular expression of every break point, built once from the statute's tables and the heading wordings.</summary>
        private static readonly Regex _before = new(BuildBefore(), RegexOptions.Compiled | RegexOptions.CultureInvariant);

        private static string BuildBefore()
        {
            var parts = new List<string>();
            parts.AddRange(ReportHeadings.Patterns);
            parts.Add(@"第二十条第[（(][一二三四五六七八九十]+[）)]项");
            parts.Add("申请人情况");

            // Table 二's row labels, longest first so 「行政规范性文件」 wins over 「规范性文件」.
            var proactive = Editions.All.SelectMany(ProactiveTable.Rows).Select(r => r.Label).Append("行政规范性文件").Distinct()
                .OrderByDescending(l => l.Length).Select(ReportHeadings.Flex);
            parts.Add($"(?<![\\p{{IsCJKUnifiedIdeographs}}])(?:{string.Join('|', proactive)})(?=[\\s\\d\\-+.．□/无]|$)");

            // Table 三's row labels: the numbered sub-rows start at their one-digit number, which
            // may be glued to the previous row's last cell (「…00000002.其他法律…」).
            foreach (var row in Editions.All.SelectMany(RequestTable.Rows).DistinctBy(r => r.Label))
            {
                var label = row.Label;
                var numbered = NumberedLabel().Match(label);
                if (numbered.Success)
                {
                    var rest = Prefix(numbered.Groups[2].Value);
                    parts.Add(rest == "其他" ? @"\d[.．、]\s*其他(?=[\s\d]|$)" : $@"\d[.．、]\s*{ReportHeadings.Flex(rest)}");
                }
                else
                {
                    parts.Add(ReportHeadings.Flex(Prefix(label)));
                }
            }

            parts.AddRange(new[] { RequestTable.GroupWithheld, RequestTable.GroupUnavailable, RequestTable.GroupNotProcessed }.Select(ReportHeadings.Flex));
            parts.Add(ReportHeadings.Flex(RequestTable.ResultsHeader));
            return $"(?:{string.Join('|', parts)})";
        }

        /// <summary>A label's distinctive start: up to its first parenthesis after the numbering (「（二）部分公开（区分…）」 → 「（二）部分公开」).</summary>
        private static string Prefix(string label)
        {
            var at = label.Length > 3 ? label.IndexOf('（', 3) : -1;
            return at > 0 ? label[..at] : label;
        }

        public static int CountIn(string line) => Math.Min(_before.Count(line), 10);

        public static string Break(string line)
        {
            var sb = new StringBuilder(line.Length + 200);
            var from = 0;
            foreach (Match m in _before.Matches(line))
            {
                if (m.Index > from)
                {
                    sb.Append(line, from, m.Index - from);
                    sb.Append(SoftBreak);
                    from = m.Index;
                }
            }

            sb.Append(line, from, line.Length - from);
            var broken = sb.ToString();

            // A heading ends its line: the narrative after 「一、总体情况」 starts the next one.
            broken = ReportHeadings.AnyHeading().Replace(broken, h => h.Value + SoftBreak);

            // Table 四: its numbers follow the last header cell (「…尚未审结总计 10203…」).
            broken = AppealNumbers().Replace(broken, m => m.Groups[1].Value + SoftBreak + m.Groups[2].Value);

            // The title stands alone (agency = the run of text before the year, after any site navigation).
            broken = Title().Replace(broken, m => SoftBreak + m.Value + SoftBreak);
            return broken;
        }

        [GeneratedRegex(@"^(\d)[.．、](.+)$")]
        private static partial Regex NumberedLabel();

        [GeneratedRegex(@"(尚未审结\s*总计)\s*((?:\d[\d\s]*))(?=\D|$)")]
        private static partial Regex AppealNumbers();

        [GeneratedRegex(@"[^\s，。：:；;！!？?\u2028]{2,60}?20\d\d年度?政府信息公开工作年度报告")]
        private static partial Regex Title();
    }
}
