using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Gongkai.Web.Features.Portal;

/// <summary>Search matches wrapped in &lt;mark&gt;, everything else HTML-encoded (the text itself is never trusted).</summary>
public static class Highlight
{
    /// <summary>The text (or, with <paramref name="around"/>, a window around the first match) with every term marked.</summary>
    public static IHtmlContent Mark(string text, IReadOnlyList<string> terms, int? around = null)
    {
        if (around is { } width)
        {
            var first = terms.Select(t => text.IndexOf(t, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
            var start = Math.Max(0, first - width / 3);
            var length = Math.Min(width, text.Length - start);
            text = (start > 0 ? "…" : "") + text.Substring(start, length) + (start + length < text.Length ? "…" : "");
        }

        var marks = new bool[text.Length];
        foreach (var term in terms.Where(t => t.Length > 0))
        {
            for (var i = text.IndexOf(term, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(term, i + 1, StringComparison.OrdinalIgnoreCase))
            {
                Array.Fill(marks, true, i, term.Length);
            }
        }

        var sb = new StringBuilder(text.Length + 32);
        for (var i = 0; i < text.Length;)
        {
            var j = i;
            while (j < text.Length && marks[j] == marks[i])
            {
                j++;
            }

            var part = WebUtility.HtmlEncode(text[i..j]);
            sb.Append(marks[i] ? $"<mark>{part}</mark>" : part);
            i = j;
        }

        return new HtmlString(sb.ToString());
    }
}
