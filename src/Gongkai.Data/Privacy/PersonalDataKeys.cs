using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Gongkai.Data.Privacy;

/// <summary>
/// The key ring that protects applicants' personal data at rest (身份证明号码, phone, email, address;
/// 个人信息保护法 第五十一条). The keys live outside the database:
/// <list type="number">
/// <item>the environment variable <c>GONGKAI_PI_KEYS</c> (<c>id:base64;id:base64</c>), else</item>
/// <item>the key file named by <c>GONGKAI_PI_KEY_FILE</c>, else</item>
/// <item>for a SQLite database, the file <c>&lt;db&gt;.keys</c> beside it, created (mode 0600) with one new key when missing.</item>
/// </list>
/// A PostgreSQL database must be given its keys by 1 or 2: every web node needs the same ring.
/// A key file has one key per line, <c>id base64-of-32-bytes</c>; <c>#</c> starts a comment. The first
/// key encrypts; every key listed decrypts. Rotation: put a new line first, restart, run
/// <c>gongkai privacy rekey</c> (re-encrypts every row with the new key), and only then drop old
/// lines — except the last line, the oldest key, from which the lookup key is derived (drop it and
/// duplicate detection no longer recognises earlier applicants).
/// </summary>
public sealed class PersonalDataKeys
{
    public const string KeysVariable = "GONGKAI_PI_KEYS";
    public const string KeyFileVariable = "GONGKAI_PI_KEY_FILE";
    public const string Prefix = "pi1:";

    private static readonly ConcurrentDictionary<string, PersonalDataKeys> Cache = new(StringComparer.Ordinal);

    private readonly IReadOnlyList<(string Id, byte[] Key)> _keys;
    private readonly byte[] _lookupKey;

    private PersonalDataKeys(IReadOnlyList<(string Id, byte[] Key)> keys, string source)
    {
        _keys = keys;
        Source = source;
        _lookupKey = HMACSHA256.HashData(keys[^1].Key, "gongkai personal-data lookup"u8);
        Fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(';', keys.Select(k => k.Id + ':' + Convert.ToBase64String(k.Key))))))[..16];
    }

    /// <summary>Where the keys came from (shown in errors, never the keys).</summary>
    public string Source { get; }

    /// <summary>Identifies the ring (not the keys): one EF model per ring.</summary>
    public string Fingerprint { get; }

    public string CurrentId => _keys[0].Id;

    /// <summary>The ring for the database named by <c>--db</c>, read once per process.</summary>
    public static PersonalDataKeys ForDatabase(string db) => Cache.GetOrAdd(
        Environment.GetEnvironmentVariable(KeysVariable) is { Length: > 0 } ? "env" : db,
        _ => Resolve(db, Environment.GetEnvironmentVariable));

    /// <summary>The ring for <paramref name="db"/> with the given environment (testable without the process's).</summary>
    public static PersonalDataKeys Resolve(string db, Func<string, string?> environment)
    {
        if (environment(KeysVariable) is { Length: > 0 } inline)
        {
            return Parse(inline.Replace(';', '\n').Replace(':', ' '), KeysVariable);
        }

        if (environment(KeyFileVariable) is { Length: > 0 } file)
        {
            return File.Exists(file)
                ? Parse(File.ReadAllText(file), file)
                : throw new PersonalDataKeyException($"个人信息密钥文件不存在：{file}（环境变量 {KeyFileVariable}）");
        }

        if (GongkaiDatabase.ProviderOf(db) == DatabaseProvider.Postgres)
        {
            throw new PersonalDataKeyException($"PostgreSQL 数据库需要配置个人信息密钥：设置环境变量 {KeyFileVariable}（密钥文件）或 {KeysVariable}，每个节点相同");
        }

        var beside = Path.GetFullPath(db) + ".keys";
        if (!File.Exists(beside))
        {
            Create(beside);
        }

        return Parse(File.ReadAllText(beside), beside);
    }

    /// <summary>Writes a key file with one new key (mode 0600); refuses to overwrite.</summary>
    public static void Create(string path, string id = "k1")
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream);
        writer.Write($"# Gongkai 个人信息密钥（第一行加密，各行均可解密；勿与数据库放在同一备份中）\n{id} {Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}\n");
    }

    /// <summary>A ring from key-file text.</summary>
    public static PersonalDataKeys Parse(string text, string source)
    {
        var keys = new List<(string, byte[])>();
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            byte[]? key = null;
            if (parts.Length != 2 || parts[0].Contains(':', StringComparison.Ordinal) || !TryBase64(parts[1], out key) || key!.Length != 32)
            {
                throw new PersonalDataKeyException($"个人信息密钥格式错误：{source} 第 {number} 行应为「标识 32字节密钥的Base64」");
            }

            if (keys.Any(k => k.Item1 == parts[0]))
            {
                throw new PersonalDataKeyException($"个人信息密钥重复：{source} 第 {number} 行的标识 {parts[0]} 已出现");
            }

            keys.Add((parts[0], key));
        }

        return keys.Count == 0 ? throw new PersonalDataKeyException($"个人信息密钥为空：{source}") : new PersonalDataKeys(keys, source);
    }

    private static bool TryBase64(string text, out byte[]? bytes)
    {
        try
        {
            bytes = Convert.FromBase64String(text);
            return true;
        }
        catch (FormatException)
        {
            bytes = null;
            return false;
        }
    }

    /// <summary>AES-256-GCM under the current key: <c>pi1:&lt;key id&gt;:&lt;base64(nonce|tag|ciphertext)&gt;</c>.</summary>
    public string Protect(string plain)
    {
        var (id, key) = _keys[0];
        var data = Encoding.UTF8.GetBytes(plain);
        var output = new byte[12 + 16 + data.Length];
        RandomNumberGenerator.Fill(output.AsSpan(0, 12));
        using var aes = new AesGcm(key, 16);
        aes.Encrypt(output.AsSpan(0, 12), data, output.AsSpan(28), output.AsSpan(12, 16));
        return $"{Prefix}{id}:{Convert.ToBase64String(output)}";
    }

    /// <summary>The plain text of a stored value; a value written before encryption (no prefix) is returned as it is.</summary>
    public string Unprotect(string stored)
    {
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return stored;
        }

        var colon = stored.IndexOf(':', Prefix.Length);
        var id = colon < 0 ? "" : stored[Prefix.Length..colon];
        var key = _keys.FirstOrDefault(k => k.Id == id).Key
                  ?? throw new PersonalDataKeyException($"个人信息无法解密：密钥 {id} 不在密钥环中（{Source}）");
        var bytes = Convert.FromBase64String(stored[(colon + 1)..]);
        var plain = new byte[bytes.Length - 28];
        using var aes = new AesGcm(key, 16);
        try
        {
            aes.Decrypt(bytes.AsSpan(0, 12), bytes.AsSpan(28), bytes.AsSpan(12, 16), plain);
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new PersonalDataKeyException($"个人信息无法解密：密钥 {id} 与数据不符或数据被改动（{Source}）");
        }

        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>A keyed hash (HMAC-SHA256, hex) for finding equal values without storing them in clear.</summary>
    public string LookupKey(string value) => Convert.ToHexString(HMACSHA256.HashData(_lookupKey, Encoding.UTF8.GetBytes(value)))[..32];

    /// <summary>A ring for a context that never reads or writes rows (schema scripts).</summary>
    internal static PersonalDataKeys Offline { get; } = new([("offline", new byte[32])], "offline");
}

/// <summary>The personal-data keys are missing, malformed, or do not open a stored value.</summary>
public sealed class PersonalDataKeyException(string message) : Exception(message);
