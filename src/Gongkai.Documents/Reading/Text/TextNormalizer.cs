using System.Text;

namespace Gongkai.Documents.Reading.Text;

/// <summary>Folds the typographic variants seen in published reports into one spelling.</summary>
public static class TextNormalizer
{
    /// <summary>Full-width digits, letters and punctuation to ASCII; odd spaces to plain spaces.</summary>
    public static string Fold(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s)
        {
            sb.Append(ch switch
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
            });
        }

        return sb.ToString();
    }

    /// <summary>
    /// A matching key: folded, with every space, Markdown mark and quote removed and 「、」 read as
    /// 「.」, so 「3、其他」「3. 其他」「**3.其他**」 all become 「3.其他」.
    /// </summary>
    public static string Key(string s) => KeyOfFolded(Fold(s));

    /// <summary><see cref="Key"/> of text already <see cref="Fold">folded</see>.</summary>
    public static string KeyOfFolded(string folded)
    {
        var sb = new StringBuilder(folded.Length);
        foreach (var ch in folded)
        {
            switch (ch)
            {
                case ' ' or '\t' or '\r' or '\n' or '*' or '#' or '“' or '”' or '"' or '‘' or '’' or '\'' or '|':
                    break;
                case '、':
                    sb.Append('.');
                    break;
                default:
                    sb.Append(ch);
                    break;
            }
        }

        return sb.ToString();
    }
}
