using System.Globalization;
using System.Text;

namespace Gongkai.Core.Identity;

/// <summary>
/// Text accepted from the public at the boundary: normalised to NFC, and refused — with the field
/// named — when it holds characters that are invisible or change how text reads (control
/// characters, zero-width characters, bidirectional overrides, a BOM, private-use or unassigned
/// code points) or when nothing visible is left. Stored text is then always printable in letters
/// (XML, DOCX) and shows on screen what was typed.
/// </summary>
public static class TextHygiene
{
    /// <summary>The cleaned text, or null with a zh-CN reason naming <paramref name="field"/>.</summary>
    /// <param name="multiline">Whether line breaks and tabs are allowed (descriptions), or not (names, phone numbers).</param>
    public static string? Clean(string? input, string field, bool multiline, out string? error)
    {
        error = null;
        if (input is null)
        {
            return null;
        }

        var text = input.IsNormalized(NormalizationForm.FormC) ? input : input.Normalize(NormalizationForm.FormC);
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (multiline && ch is '\n' or '\r' or '\t')
            {
                continue;
            }

            if (char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var category = CharUnicodeInfo.GetUnicodeCategory(text, i);
                if (category is UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
                {
                    error = $"{field}含有无法显示的字符（第 {i + 1} 个字符），请删除后重新填写";
                    return null;
                }

                i++;
                continue;
            }

            if (IsInvisible(ch))
            {
                error = $"{field}含有不可见或控制字符（U+{(int)ch:X4}，第 {i + 1} 个字符），请删除后重新填写";
                return null;
            }
        }

        if (text.Length > 0 && string.IsNullOrWhiteSpace(text))
        {
            error = $"{field}不能只有空白";
            return null;
        }

        return text;
    }

    /// <summary>Control, format (zero-width, bidi, BOM), surrogate halves, private-use and unassigned characters.</summary>
    public static bool IsInvisible(char ch) => CharUnicodeInfo.GetUnicodeCategory(ch) is
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
        || ch is '\u2028' or '\u2029';
}
