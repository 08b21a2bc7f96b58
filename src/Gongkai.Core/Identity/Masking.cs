using Gongkai.Core.Cases;

namespace Gongkai.Core.Identity;

/// <summary>
/// Personal data as staff see it before asking to reveal it (个人信息保护法 第五十一条: 最小必要):
/// enough to recognise, not enough to use.
/// </summary>
public static class Masking
{
    /// <summary>
    /// An identity document's number: the first and last four characters (「1101**********1234」);
    /// passports and permits their first and last four (「E****5678」); very short numbers only their last two.
    /// </summary>
    public static string IdNumber(string? number) => number switch
    {
        null or "" => "",
        { Length: >= 12 } n => n[..4] + new string('*', n.Length - 8) + n[^4..],
        { Length: >= 6 } n => n[..1] + new string('*', n.Length - 5) + n[^4..],
        var n => new string('*', Math.Max(0, n.Length - 2)) + n[Math.Max(0, n.Length - 2)..],
    };

    /// <summary>A phone number in its normal form: first three and last four digits (「138****8001」).</summary>
    public static string Phone(string? phone)
    {
        var digits = phone is null ? "" : PhoneNumbers.Canonical(phone);
        return digits.Length >= 8 ? digits[..3] + new string('*', digits.Length - 7) + digits[^4..] : new string('*', Math.Max(0, digits.Length - 2)) + digits[Math.Max(0, digits.Length - 2)..];
    }

    /// <summary>「z***@example.com」.</summary>
    public static string Email(string email) => email.IndexOf('@', StringComparison.Ordinal) is var at and > 0
        ? email[..1] + "***" + email[at..]
        : "***";

    /// <summary>The first six characters (city and district) and 「……」.</summary>
    public static string Address(string address) => address.Length <= 6 ? "……" : address[..6] + "……";
}
