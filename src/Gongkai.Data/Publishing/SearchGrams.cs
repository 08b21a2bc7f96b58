using System.Text;

namespace Gongkai.Data.Publishing;

/// <summary>
/// Character bigrams, the words of the SQLite search index. Chinese is written without spaces, so
/// the index stores every pair of neighbouring letters or digits as a word ("养老服务" → "养老 老服 服务")
/// and a search term becomes the phrase of its own bigrams: a phrase of adjacent bigrams matches
/// exactly where the term occurs, and a 2-character term is a single indexed word.
/// Punctuation and spaces break runs; letters are lower-cased.
/// </summary>
public static class SearchGrams
{
    /// <summary>The SQL function the search triggers of migration 0005 call; registered on every SQLite connection by <see cref="GongkaiDatabase.Open(string, TimeProvider)"/>.</summary>
    public const string SqlFunction = "gk_bigrams";

    public static string Of(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var sb = new StringBuilder(text.Length * 3);
        var previous = '\0';
        foreach (var raw in text)
        {
            if (!char.IsLetterOrDigit(raw) || char.IsSurrogate(raw))
            {
                previous = '\0';
                continue;
            }

            var c = char.ToLowerInvariant(raw);
            if (previous != '\0')
            {
                sb.Append(sb.Length > 0 ? " " : "").Append(previous).Append(c);
            }

            previous = c;
        }

        return sb.ToString();
    }

    /// <summary>Whether the index can answer a term exactly: two or more characters, letters and digits only.</summary>
    public static bool Indexable(string term) => term.Length >= 2 && term.All(c => char.IsLetterOrDigit(c) && !char.IsSurrogate(c));

    /// <summary>An FTS5 query: every term as the phrase of its bigrams (all must match), or null unless every term is <see cref="Indexable"/>.</summary>
    public static string? Query(IReadOnlyList<string> terms) =>
        terms.Count == 0 || !terms.All(Indexable) ? null : string.Join(' ', terms.Select(t => $"\"{Of(t)}\""));
}
