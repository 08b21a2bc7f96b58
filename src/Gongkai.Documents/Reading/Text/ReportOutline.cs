using System.Globalization;
using System.Text.RegularExpressions;
using Gongkai.Core.Statute;

namespace Gongkai.Documents.Reading.Text;

/// <summary>The six sections of a report found in its lines: where each starts, by its heading.</summary>
public sealed partial class ReportOutline
{
    private readonly int[] _start = [-1, -1, -1, -1, -1, -1];

    public ReportOutline(IReadOnlyList<SourceLine> lines)
    {
        Lines = lines;
        var from = 0;
        for (var s = 0; s < _start.Length; s++)
        {
            for (var i = from; i < lines.Count; i++)
            {
                if (IsHeading(lines[i], s))
                {
                    _start[s] = i;
                    from = i + 1;
                    break;
                }
            }
        }
    }

    private static bool IsHeading(SourceLine line, int section) =>
        line.Folded.Length <= 80 // a heading is short; do not build keys of narrative lines
        && (ReportHeadings.IsHeading(line.Key, section)
            || (section == 2 && line.Key.TrimStart('(', '（').StartsWith("三.收到和处理", StringComparison.Ordinal))); // wrapped onto two lines

    public IReadOnlyList<SourceLine> Lines { get; }

    /// <summary>Whether section <paramref name="index"/> (0 = 一) has its heading.</summary>
    public bool Has(int index) => _start[index] >= 0;

    public int HeadingLine(int index) => Lines[_start[index]].Number;

    /// <summary>The lines of a section after its heading, up to the next heading found; empty if absent.</summary>
    public IReadOnlyList<SourceLine> Body(int index)
    {
        if (_start[index] < 0)
        {
            return [];
        }

        var end = Lines.Count;
        for (var s = index + 1; s < _start.Length; s++)
        {
            if (_start[s] >= 0)
            {
                end = _start[s];
                break;
            }
        }

        var from = _start[index] + 1;
        if (index == 2 && from < end && Lines[_start[index]].Key.EndsWith("收到和处理", StringComparison.Ordinal))
        {
            from++; // 「三、收到和处理」 / 「政府信息公开申请情况」 wrapped onto two lines
        }

        return Lines.Skip(from).Take(Math.Max(0, end - from)).ToArray();
    }

    /// <summary>The lines before section 一 (title, preamble).</summary>
    public IReadOnlyList<SourceLine> Front =>
        Lines.Take(_start.FirstOrDefault(s => s >= 0) is var first && first > 0 ? first : Math.Min(Lines.Count, 12)).ToArray();

    public static string Title(int index) => ReportSections.All[index];

    /// <summary>Finds the year and agency from the title: 「{agency}{year}年政府信息公开工作年度报告」 or the agency on the line before or after.</summary>
    public (int? Year, string? Agency, int? Line) TitleFacts()
    {
        var front = Front;
        for (var i = 0; i < front.Count; i++)
        {
            var key = front[i].Key;
            var at = key.IndexOf("年度报告", StringComparison.Ordinal);
            if (at < 0 || !key.Contains("政府信息公开", StringComparison.Ordinal))
            {
                continue;
            }

            var m = TitleYear().Match(key);
            var year = m.Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : (int?)null;
            var agency = m.Success ? Clean(key[..m.Index]) : Clean(key[..key.IndexOf("政府信息公开", StringComparison.Ordinal)]);
            for (var j = i + 1; year is null && j < Math.Min(front.Count, i + 4); j++)
            {
                var y = YearOnly().Match(front[j].Key);
                if (y.Success)
                {
                    year = int.Parse(y.Groups[1].Value, CultureInfo.InvariantCulture);
                }
                else if (agency is null && IsAgencyLine(front[j].Key))
                {
                    agency = Clean(front[j].Key);
                }
            }

            if (agency is null && i > 0 && IsAgencyLine(front[i - 1].Key))
            {
                agency = Clean(front[i - 1].Key);
            }

            return (year, agency, front[i].Number);
        }

        return (null, null, null);
    }

    private static bool IsAgencyLine(string key) => key.Length is >= 2 and <= 40 && !key.Any(char.IsAsciiDigit) && !key.Contains('。', StringComparison.Ordinal);

    private static string? Clean(string s)
    {
        var t = s.Trim('#', '*', ' ', '(', ')', '《', '》');

        // Crawler metadata and site navigation before the agency (「标题:」「当前位置:首页>…>年报」).
        if (t.LastIndexOfAny([':', '：', '>', '»', '›']) is var mark and >= 0)
        {
            t = t[(mark + 1)..];
        }

        foreach (var chrome in _chrome)
        {
            var at = t.LastIndexOf(chrome, StringComparison.Ordinal);
            if (at >= 0 && at + chrome.Length < t.Length - 1)
            {
                t = t[(at + chrome.Length)..];
            }
        }

        t = t.Trim();
        return t.Length == 0 ? null : t;
    }

    /// <summary>Navigation words of government sites that end up before the agency in a crawled title.</summary>
    private static readonly string[] _chrome = ["当前位置", "首页", "公开年报", "年度报告专栏", "年报专栏", "信息公开年报"];

    /// <summary>Any 4-digit year in the first lines, as a last resort.</summary>
    public int? AnyYear()
    {
        foreach (var line in Front.Concat(Lines.Take(40)))
        {
            var m = LooseYear().Match(line.Key);
            if (m.Success)
            {
                return int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    [GeneratedRegex(@"(20\d\d)年(度)?(政府信息公开|年度报告)")]
    private static partial Regex TitleYear();

    [GeneratedRegex(@"^\(?(20\d\d)年度?\)?$")]
    private static partial Regex YearOnly();

    [GeneratedRegex(@"(20\d\d)年")]
    private static partial Regex LooseYear();
}
