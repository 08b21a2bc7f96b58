using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gongkai.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Audit;

/// <summary>
/// The audit log as a hash chain (等保2.0 三级 安全审计: records protected against deletion and
/// change). Each entry gets the next number (<see cref="AuditRow.Seq"/>), the previous entry's hash and
/// its own hash, SHA-256 over the previous hash and the entry's content; <c>audit_head</c> holds the
/// last number and hash. Entries are chained in the transaction that writes them, after taking the
/// head's row lock, so concurrent writers (several nodes) queue instead of forking the chain. An
/// edited, deleted or inserted row, or a cut-off tail, is found by <see cref="Verify"/>
/// (<c>gongkai audit verify</c>). What it cannot stop is someone with write access rewriting the
/// whole chain from the edit onwards: keep a copy of the head elsewhere (the verify line prints it).
/// </summary>
public static class AuditChain
{
    private const int HeadId = 1;

    /// <summary>Numbers and hashes the audit entries being added; called by the context's save inside its transaction.</summary>
    internal static void Link(GongkaiDbContext db, IReadOnlyList<AuditRow> added) => Append(db, added);

    /// <summary>Chains entries written before the chain existed (migration 0009), in their id order; returns how many.</summary>
    public static int SealUnchained(GongkaiDbContext db)
    {
        if (!db.Audit.Any(a => a.Seq == null))
        {
            return 0;
        }

        using var transaction = db.Database.BeginTransaction();
        var rows = db.Audit.Where(a => a.Seq == null).OrderBy(a => a.Id).ToList();
        Append(db, rows);
        db.SaveChanges(); // rows modified, none added: no chaining of its own
        transaction.Commit();
        return rows.Count;
    }

    /// <summary>Under the head's row lock, gives <paramref name="rows"/> the next numbers and hashes after the last chained entry and moves the head.</summary>
    private static void Append(GongkaiDbContext db, IEnumerable<AuditRow> rows)
    {
        // The row lock: a second writer waits here until this transaction ends.
        db.Database.ExecuteSqlRaw("UPDATE audit_head SET \"Seq\" = \"Seq\" WHERE \"Id\" = 1");
        var last = db.Audit.AsNoTracking().Where(a => a.Seq != null).OrderByDescending(a => a.Seq)
            .Select(a => new { a.Seq, a.Hash }).FirstOrDefault();
        var (seq, hash) = (last?.Seq ?? 0, last?.Hash ?? "");
        foreach (var row in rows)
        {
            row.Seq = ++seq;
            row.PrevHash = hash;
            row.Hash = hash = HashOf(row);
        }

        var head = db.AuditHead.Find(HeadId);
        if (head is null)
        {
            db.AuditHead.Add(new AuditHeadRow { Id = HeadId, Seq = seq, Hash = hash });
        }
        else
        {
            (head.Seq, head.Hash) = (seq, hash);
        }
    }

    /// <summary>Walks the whole chain; the first problems found (at most <paramref name="limit"/>), or none.</summary>
    public static AuditVerification Verify(GongkaiDbContext db, int limit = 20)
    {
        var problems = new List<string>();
        long expected = 1;
        var previous = "";
        var count = 0L;
        foreach (var row in db.Audit.AsNoTracking().OrderBy(a => a.Seq == null ? 0 : 1).ThenBy(a => a.Seq).ThenBy(a => a.Id).AsEnumerable())
        {
            count++;
            if (problems.Count >= limit)
            {
                continue;
            }

            if (row.Seq is null)
            {
                problems.Add($"第 {row.Id} 行（id）未入链：没有序号和哈希");
                continue;
            }

            if (row.Seq != expected)
            {
                problems.Add(row.Seq > expected
                    ? $"序号 {expected}–{row.Seq - 1} 缺失（已删除的审计记录）"
                    : $"序号 {row.Seq} 重复（id {row.Id}）");
            }

            if (row.PrevHash != previous)
            {
                problems.Add($"序号 {row.Seq}（id {row.Id}）：前一条的哈希不符（前面的记录被删除、插入或改动）");
            }

            if (HashOf(row) != row.Hash)
            {
                problems.Add($"序号 {row.Seq}（id {row.Id}，{row.AtUtc:yyyy-MM-dd HH:mm:ss} {row.Actor} {row.Entity} {row.EntityKey} {row.Action}）：内容与哈希不符（记录被改动）");
            }

            expected = row.Seq.Value + 1;
            previous = row.Hash ?? "";
        }

        var head = db.AuditHead.AsNoTracking().FirstOrDefault(h => h.Id == HeadId);
        if (problems.Count < limit && (head is null ? count > 0 : head.Seq != expected - 1 || head.Hash != previous))
        {
            problems.Add(head is null
                ? "链头（audit_head）缺失"
                : $"链头记录序号 {head.Seq}，而最后一条为 {expected - 1}：链尾的审计记录被删除或链头被改动");
        }

        return new AuditVerification(count, expected - 1, previous, problems);
    }

    /// <summary>SHA-256 (hex) over the previous hash and the entry's content, in a form both databases give back unchanged.</summary>
    public static string HashOf(AuditRow row)
    {
        var text = string.Join('\n',
            row.Seq?.ToString(CultureInfo.InvariantCulture),
            row.PrevHash ?? "",
            row.AtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
            row.Actor, row.Entity, row.EntityKey, row.Action,
            Canonical(row.Before), Canonical(row.After));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
    }

    /// <summary>JSON with keys sorted and no spacing (PostgreSQL's jsonb reorders and respaces what it stores).</summary>
    private static string Canonical(string? json)
    {
        if (json is null)
        {
            return "∅";
        }

        try
        {
            return Sorted(JsonNode.Parse(json))?.ToJsonString() ?? "null";
        }
        catch (JsonException)
        {
            return json;
        }
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Sorted).ToArray()),
        null => null,
        _ => JsonNode.Parse(node.ToJsonString()),
    };
}

/// <summary>The outcome of walking the chain.</summary>
public sealed record AuditVerification(long Entries, long LastSeq, string LastHash, IReadOnlyList<string> Problems)
{
    public bool Intact => Problems.Count == 0;
}
