namespace Gongkai.Core.Reports.Rules;

/// <summary>What is known about a report besides its data: where it came from and its neighbours.</summary>
public sealed class CheckContext
{
    public static CheckContext Empty { get; } = new();

    /// <summary>The same agency's report for the previous year, enabling the cross-year checks.</summary>
    public AnnualReport? PreviousYear { get; init; }

    /// <summary>The date the report was published, enabling <c>late-publication</c>.</summary>
    public DateOnly? PublishedOn { get; init; }

    /// <summary>Cells a reader saw but could not read, by JSON path, with what was there.</summary>
    public IReadOnlyDictionary<string, string> UnreadableCells { get; init; } = new Dictionary<string, string>();

    /// <summary>Source line numbers by JSON path (of a cell, a row or a table), from a reader.</summary>
    public IReadOnlyDictionary<string, int> Lines { get; init; } = new Dictionary<string, int>();

    public int? LineOf(string path)
    {
        for (var p = path; p.Length > 0; p = p.LastIndexOf('.') is var i and > 0 ? p[..i] : "")
        {
            if (Lines.TryGetValue(p, out var line))
            {
                return line;
            }
        }

        return null;
    }
}
