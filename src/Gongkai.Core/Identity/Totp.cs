using System.Globalization;
using System.Security.Cryptography;

namespace Gongkai.Core.Identity;

/// <summary>
/// Time-based one-time passwords (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits — what every
/// authenticator app speaks) with the key in Base32 (RFC 4648), as authenticator apps show it.
/// The time is passed in: the product's one clock decides what "now" is.
/// </summary>
public static class Totp
{
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    /// <summary>The 6-digit code for the step containing <paramref name="at"/>.</summary>
    public static string Code(byte[] key, DateTimeOffset at) => CodeAt(key, at.ToUnixTimeSeconds() / (long)Step.TotalSeconds);

    /// <summary>Whether <paramref name="code"/> is the code of <paramref name="at"/>'s step or the one before or after (clock drift).</summary>
    public static bool Verify(byte[] key, string? code, DateTimeOffset at)
    {
        var digits = (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (digits.Length != 6 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        var step = at.ToUnixTimeSeconds() / (long)Step.TotalSeconds;
        var ok = false;
        for (var drift = -1; drift <= 1; drift++)
        {
            ok |= CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(CodeAt(key, step + drift)), System.Text.Encoding.ASCII.GetBytes(digits));
        }

        return ok;
    }

    private static string CodeAt(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>Decodes Base32 (case and spaces ignored, no padding needed).</summary>
    public static byte[] FromBase32(string text)
    {
        var clean = text.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var output = new List<byte>(clean.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var ch in clean)
        {
            var value = Alphabet.IndexOf(ch, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException($"「{ch}」不是 Base32 字符");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. output];
    }

    /// <summary>The otpauth:// URI an authenticator app reads from the QR code.</summary>
    public static string Uri(string issuer, string account, string base32Key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(issuer)}:{System.Uri.EscapeDataString(account)}?secret={base32Key}&issuer={System.Uri.EscapeDataString(issuer)}&digits=6&period=30";
}
