namespace Gongkai.Documents.Reading.Text;

/// <summary>Folds the typographic variants seen in published reports into one spelling.</summary>
public static class TextNormalizer
{
    /// <summary>Full-width digits, letters and punctuation to ASCII; odd spaces to plain spaces.</summary>
    public static string Fold(string s)
    {
        var first = 0;
        while (first < s.Length && FoldChar(s[first]) == s[first])
        {
            first++;
        }

        if (first == s.Length)
        {
            return s; // nothing to fold: no copy
        }

        return string.Create(s.Length, (s, first), static (span, state) =>
        {
            state.s.AsSpan(0, state.first).CopyTo(span);
            for (var i = state.first; i < span.Length; i++)
            {
                span[i] = FoldChar(state.s[i]);
            }
        });
    }

    private static char FoldChar(char ch) => ch switch
    {
        >= '０' and <= '９' => (char)(ch - '０' + '0'),
        >= 'Ａ' and <= 'Ｚ' => (char)(ch - 'Ａ' + 'A'),
        >= 'ａ' and <= 'ｚ' => (char)(ch - 'ａ' + 'a'),
        '（' => '(',
        '）' => ')',
        '，' => ',',
        '：' => ':',
        '；' => ';',
        '．' => '.',
        '－' or '—' or '–' or '‐' => '-',
        '\u3000' or '\u00A0' or '\u2002' or '\u2003' or '\u2009' => ' ',
        '\f' or '\v' => ' ',
        _ => ch,
    };

    /// <summary>
    /// A matching key: folded, with every space, Markdown mark and quote removed and 「、」 read as
    /// 「.」, so 「3、其他」「3. 其他」「**3.其他**」 all become 「3.其他」.
    /// </summary>
    public static string Key(string s) => KeyOfFolded(Fold(s));

    /// <summary><see cref="Key"/> of text already <see cref="Fold">folded</see>.</summary>
    public static string KeyOfFolded(string folded)
    {
        var length = 0;
        foreach (var ch in folded)
        {
            length += IsDropped(ch) ? 0 : 1;
        }

        if (length == folded.Length && !folded.Contains('、', StringComparison.Ordinal))
        {
            return folded;
        }

        return string.Create(length, folded, static (span, source) =>
        {
            var at = 0;
            foreach (var ch in source)
            {
                if (!IsDropped(ch))
                {
                    span[at++] = ch == '、' ? '.' : ch;
                }
            }
        });
    }

    private static bool IsDropped(char ch) =>
        ch is ' ' or '\t' or '\r' or '\n' or '*' or '#' or '“' or '”' or '"' or '‘' or '’' or '\'' or '|';
}
