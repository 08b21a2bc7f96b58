namespace Gongkai.Core.Identity;

/// <summary>
/// A 18-character 统一社会信用代码 per GB 32100-2015: registration authority, organisation type,
/// 6-digit administrative division, 9-character organisation code, and a check character
/// computed modulo 31 over the code's alphabet (digits and capitals without I, O, Z, S, V).
/// </summary>
public sealed record CreditCode
{
    /// <summary>GB 32100-2015 alphabet; a character's value is its index.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>GB 32100-2015 weights: 3^i mod 31 for positions 1–17.</summary>
    private static readonly int[] _weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    private CreditCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>The 9-character 组织机构代码 inside it (positions 9–17), used as the 索引号 prefix by older catalogues.</summary>
    public string OrganisationCode => Value.Substring(8, 9);

    public static CreditCode? TryParse(string? input, out string? error)
    {
        var value = (input ?? "").Trim().ToUpperInvariant();
        error = Validate(value);
        return error is null ? new CreditCode(value) : null;
    }

    public static CreditCode Parse(string input) => TryParse(input, out var error) ?? throw new FormatException(error);

    private static string? Validate(string value)
    {
        if (value.Length != 18)
        {
            return $"统一社会信用代码应为 18 位，实际为 {value.Length} 位";
        }

        for (var i = 0; i < 18; i++)
        {
            if (Alphabet.IndexOf(value[i], StringComparison.Ordinal) < 0)
            {
                return $"统一社会信用代码第 {i + 1} 位「{value[i]}」不是有效字符（不使用 I、O、Z、S、V）";
            }
        }

        for (var i = 2; i < 8; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return "统一社会信用代码第 3–8 位（行政区划码）应为数字";
            }
        }

        var expected = CheckCharacter(value);
        return value[17] == expected ? null : $"统一社会信用代码校验码错误（第 18 位应为 {expected}）";
    }

    public static char CheckCharacter(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += Alphabet.IndexOf(first17[i], StringComparison.Ordinal) * _weights[i];
        }

        var check = 31 - (sum % 31);
        return Alphabet[check == 31 ? 0 : check];
    }

    public override string ToString() => Value;
}
