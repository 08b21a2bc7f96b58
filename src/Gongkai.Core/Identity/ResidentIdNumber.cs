using System.Globalization;

namespace Gongkai.Core.Identity;

/// <summary>
/// A 18-digit 公民身份号码 (居民身份证号) per GB 11643-1999: 6-digit address code, 8-digit birth
/// date, 3-digit sequence, and a check character computed with ISO 7064 MOD 11-2.
/// </summary>
public sealed record ResidentIdNumber
{
    /// <summary>GB 11643-1999 weights for the first 17 digits.</summary>
    private static readonly int[] _weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>Check character by (Σ weight × digit) mod 11.</summary>
    private const string CheckCharacters = "10X98765432";

    private ResidentIdNumber(string value) => Value = value;

    public string Value { get; }

    public DateOnly BirthDate => DateOnly.ParseExact(Value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>Parses a number, or returns null with a zh-CN reason.</summary>
    /// <param name="input">The number as typed.</param>
    /// <param name="asOf">The day the number is given (today, or an application's receipt date): nobody is born after it.</param>
    /// <param name="error">Why the number is refused.</param>
    public static ResidentIdNumber? TryParse(string? input, DateOnly asOf, out string? error)
    {
        var value = (input ?? "").Trim().ToUpperInvariant();
        error = Validate(value, asOf);
        return error is null ? new ResidentIdNumber(value) : null;
    }

    /// <summary>Parses a number already accepted (stored), or throws <see cref="FormatException"/>.</summary>
    public static ResidentIdNumber Parse(string input) =>
        TryParse(input, DateOnly.MaxValue, out var error) ?? throw new FormatException(error);

    private static string? Validate(string value, DateOnly asOf)
    {
        if (value.Length != 18)
        {
            return $"居民身份证号应为 18 位，实际为 {value.Length} 位";
        }

        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return $"居民身份证号第 {i + 1} 位应为数字";
            }
        }

        if (!DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1850 || birth > asOf)
        {
            return $"居民身份证号中的出生日期 {value.Substring(6, 8)} 无效";
        }

        var expected = CheckCharacter(value);
        return value[17] == expected ? null : $"居民身份证号校验码错误（第 18 位应为 {expected}）";
    }

    public static char CheckCharacter(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * _weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <summary>For display and logs: only the first 6 and last 4 characters.</summary>
    public string Masked => $"{Value[..6]}********{Value[^4..]}";

    public override string ToString() => Masked;
}
