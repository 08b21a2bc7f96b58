using System.Text.RegularExpressions;

namespace Gongkai.Core.Identity;

/// <summary>
/// The 身份证明 a natural person may give (条例 第二十九条 asks for 身份证明, not only the 居民身份证).
/// Stored as the integer value; the JSON and form name is <see cref="IdentityDocuments.Code"/>.
/// </summary>
public enum IdentityDocumentType
{
    ResidentCard = 0,
    Passport = 1,
    HongKongMacaoPermit = 2,
    TaiwanPermit = 3,
    ForeignerPermanentResidence = 4,
}

/// <summary>Names and number formats of the identity documents, checked at the boundary.</summary>
public static partial class IdentityDocuments
{
    public static readonly IReadOnlyList<IdentityDocumentType> All = Enum.GetValues<IdentityDocumentType>();

    public static string Code(this IdentityDocumentType type) => type switch
    {
        IdentityDocumentType.ResidentCard => "resident-card",
        IdentityDocumentType.Passport => "passport",
        IdentityDocumentType.HongKongMacaoPermit => "hk-macao-permit",
        IdentityDocumentType.TaiwanPermit => "taiwan-permit",
        IdentityDocumentType.ForeignerPermanentResidence => "foreigner-permanent-residence",
    };

    public static string Label(this IdentityDocumentType type) => type switch
    {
        IdentityDocumentType.ResidentCard => "居民身份证",
        IdentityDocumentType.Passport => "护照",
        IdentityDocumentType.HongKongMacaoPermit => "港澳居民来往内地通行证",
        IdentityDocumentType.TaiwanPermit => "台湾居民来往大陆通行证",
        IdentityDocumentType.ForeignerPermanentResidence => "外国人永久居留身份证",
    };

    /// <summary>The type named by its code (an empty value is the 居民身份证), or null.</summary>
    public static IdentityDocumentType? FromCode(string? code) =>
        string.IsNullOrWhiteSpace(code) ? IdentityDocumentType.ResidentCard : All.Cast<IdentityDocumentType?>().FirstOrDefault(t => t!.Value.Code() == code.Trim());

    /// <summary>The number as stored (upper case, no spaces), or null with a zh-CN reason.</summary>
    /// <param name="asOf">The day it is given (a 居民身份证 holder is not born after it).</param>
    public static string? Check(IdentityDocumentType type, string? number, DateOnly asOf, out string? error)
    {
        if (type == IdentityDocumentType.ResidentCard)
        {
            return ResidentIdNumber.TryParse(number, asOf, out error)?.Value;
        }

        var value = (number ?? "").Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var (ok, shape) = type switch
        {
            // Passports of any country: letters and digits, 5–17 characters (ICAO 9303 allows up to 9; some states print more).
            IdentityDocumentType.Passport => (Passport().IsMatch(value), "5–17 位字母或数字"),
            // 2012 card format: H or M and 8 digits (10 digits with the two-digit issue number).
            IdentityDocumentType.HongKongMacaoPermit => (HongKongMacao().IsMatch(value), "H 或 M 开头加 8 位或 10 位数字"),
            // 台胞证: 8 digits (10 with the issue number in brackets on older cards).
            IdentityDocumentType.TaiwanPermit => (Taiwan().IsMatch(value), "8 位或 10 位数字"),
            // 2017 card: 15 characters (3 letters + 12 digits); 2023 card: 18 characters beginning with 9.
            _ => (Foreigner().IsMatch(value), "15 位（3 位字母加 12 位数字）或以 9 开头的 18 位"),
        };
        error = value.Length == 0 ? $"请填写{type.Label()}号码" : ok ? null : $"{type.Label()}号码应为{shape}";
        return error is null ? value : null;
    }

    [GeneratedRegex("^[A-Z0-9]{5,17}$")]
    private static partial Regex Passport();

    [GeneratedRegex("^[HM][0-9]{8}([0-9]{2})?$")]
    private static partial Regex HongKongMacao();

    [GeneratedRegex("^[0-9]{8}([0-9]{2})?$")]
    private static partial Regex Taiwan();

    [GeneratedRegex("^([A-Z]{3}[0-9]{12}|9[0-9]{16}[0-9X])$")]
    private static partial Regex Foreigner();
}
