using System.Text.RegularExpressions;

namespace Gongkai.Documents.Reading.Text;

/// <summary>A line of the source with its 1-based number, folded text and matching key (computed when first asked for).</summary>
public sealed class SourceLine(int number, string raw, string folded)
{
    private string? _key;

    public int Number { get; } = number;

    public string Raw { get; } = raw;

    public string Folded { get; } = folded;

    public string Key => _key ??= TextNormalizer.KeyOfFolded(Folded);
}

/// <summary>The lines of a report text, with page numbers (「- 3 -」) and blank lines dropped.</summary>
public static partial class SourceText
{
    /// <summary>Lines longer than this are cut: no real report line is near it, and it bounds work on hostile input.</summary>
    public const int MaxLineLength = 4000;

    public static List<SourceLine> Lines(string text)
    {
        var result = new List<SourceLine>();
        var number = 0;
        foreach (var whole in text.Split('\n'))
        {
            number++;

            // A form feed is a page break (pdftotext puts one between pages): the footer's page
            // number before it and the next page's first line after it are separate lines.
            foreach (var raw in whole.Split(['\f', TextReflow.SoftBreak]))
            {
                var line = raw.Length > MaxLineLength ? raw[..MaxLineLength] : raw;
                var folded = TextNormalizer.Fold(line.TrimEnd('\r'));
                if (string.IsNullOrWhiteSpace(folded) || (folded.AsSpan().Trim().Length < 24 && PageNumber().IsMatch(folded)))
                {
                    continue;
                }

                result.Add(new SourceLine(number, line.TrimEnd('\r').Trim(), folded));
            }
        }

        return result;
    }

    [GeneratedRegex(@"^\s*(-\s*\d{1,3}\s*-|第\s*\d{1,3}\s*页(\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*/\s*\d{1,3})\s*$")]
    private static partial Regex PageNumber();
}
