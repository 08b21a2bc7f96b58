using System.Text.RegularExpressions;

namespace Gongkai.Documents.Reading.Text;

/// <summary>
/// The wordings of the six section headings as published reports write them (both editions and
/// the variants seen in the wild), as data: the outline and the reflow of joined pages both use it.
/// A heading is 「一、」…「六、」 followed by one of its section's wordings.
/// </summary>
public static partial class ReportHeadings
{
    /// <summary>Per section 一–六, the wordings after the numeral (the official one first).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Wordings { get; } =
    [
        ["总体情况", "概述", "基本情况"],
        ["主动公开政府信息情况", "主动公开政府信息的情况", "主动公开情况"],
        ["收到和处理政府信息公开申请情况", "收到和处理政府信息公开申请的情况", "依申请公开政府信息情况"],
        [
            "政府信息公开行政复议、行政诉讼情况",
            "因政府信息公开工作被申请行政复议、提起行政诉讼情况",
            "因政府信息公开申请提起行政复议、行政诉讼情况",
            "因政府信息公开申请行政复议、提起行政诉讼的情况",
            "因政府信息公开被申请行政复议、提起行政诉讼情况",
            "政府信息公开行政复议和行政诉讼情况",
        ],
        ["存在的主要问题及改进情况", "政府信息公开工作存在的主要问题及改进情况", "存在的主要问题和改进情况", "工作存在的主要问题及改进情况"],
        ["其他需要报告的事项", "其他需要报告事项"],
    ];

    private const string Numerals = "一二三四五六";

    /// <summary>Matching keys (<see cref="TextNormalizer.Key"/>) of each section's wordings, without the numeral.</summary>
    public static IReadOnlyList<string[]> Keys { get; } = Wordings.Select(w => w.Select(TextNormalizer.Key).ToArray()).ToArray();

    /// <summary>Whether a line's key is section <paramref name="index"/>'s heading (with room for a short tail such as 「（单位：件）」).</summary>
    public static bool IsHeading(string key, int index)
    {
        key = key.TrimStart('(', '（');
        if (key.Length < 3 || key[0] != Numerals[index] || key[1] != '.')
        {
            return false;
        }

        var rest = key.AsSpan(2);
        foreach (var wording in Keys[index])
        {
            if (rest.StartsWith(wording, StringComparison.Ordinal) && rest.Length <= wording.Length + 16)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Regular-expression alternatives of every heading, as raw text writes them (full- or half-width punctuation, the inner 「、」 optional).</summary>
    public static IEnumerable<string> Patterns =>
        Wordings.Select((w, i) => $"{Numerals[i]}[、.．]\\s*(?:{string.Join('|', w.OrderByDescending(x => x.Length).Select(Flex))})");

    /// <summary>A heading found anywhere in a line (for ending the line after it).</summary>
    public static Regex AnyHeading() => _any;

    private static readonly Regex _any = new($"(?:{string.Join('|', Patterns)})", RegexOptions.Compiled | RegexOptions.CultureInvariant);

    /// <summary>A literal as a pattern tolerant of the punctuation variants of extracted text.</summary>
    public static string Flex(string literal)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var ch in literal)
        {
            sb.Append(ch switch
            {
                '（' or '(' => "[（(]",
                '）' or ')' => "[）)]",
                '、' => "[、.．,，和]?",
                '.' or '．' => "[.．、]",
                '“' or '”' or '"' => "[“”\"]?",
                _ => Regex.Escape(ch.ToString()),
            });
        }

        return sb.ToString();
    }
}
