namespace Gongkai.Core.Identity;

/// <summary>
/// Personal data as staff see it before asking to reveal it (个人信息保护法 第五十一条: 最小必要):
/// enough to recognise, not enough to use. Identity numbers: <see cref="IdentityDocuments.Mask"/>;
/// phones: <see cref="Cases.PhoneNumbers.Mask"/>.
/// </summary>
public static class Masking
{
    /// <summary>「z***@example.com」.</summary>
    public static string Email(string email) => email.IndexOf('@', StringComparison.Ordinal) is var at and > 0
        ? email[..1] + "***" + email[at..]
        : "***";

    /// <summary>The first six characters (city and district) and 「……」.</summary>
    public static string Address(string address) => address.Length <= 6 ? "……" : address[..6] + "……";
}
