using Gongkai.Core.Statute;
using System.Text.RegularExpressions;

namespace Gongkai.Documents.Reading.Text;

/// <summary>
/// Matching of the six section headings (wordings: <see cref="ReportSections.HeadingWordings"/>):
/// the outline and the reflow of joined pages both use it. A heading is 「一、」…「六、」 followed by
/// one of its section's wordings.
/// </summary>
public static partial class ReportHeadings
{
    /// <summary>Per section 一–六, the wordings after the numeral (data in the statute model).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Wordings => ReportSections.HeadingWordings;

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
