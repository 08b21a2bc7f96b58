using Gongkai.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Publishing;

/// <summary>What the public asks the 目录 for: words (all must occur), and optional filters.</summary>
public sealed record SearchQuery(string? Text, int? Category = null, string? Area = null, string? AgencyId = null, int Page = 1, int PageSize = 20, string? Subject = null);

public sealed record SearchPage(IReadOnlyList<PublicationRow> Items, int Total, IReadOnlyList<string> Terms);

/// <summary>
/// Chinese full-text search over published items. Chinese has no spaces to split words at, so both
/// engines index character trigrams: SQLite's FTS5 trigram tokenizer (terms of 3+ characters go
/// through <c>MATCH</c>; 1–2 character terms, which a trigram cannot hold, through <c>LIKE</c>), and
/// PostgreSQL's pg_trgm GIN indexes behind <c>ILIKE</c>. Every term must occur in the title or body.
/// </summary>
public static class PublicationSearch
{
    private const int TrigramLength = 3;

    public static IReadOnlyList<string> Terms(string? text) =>
        (text ?? "").Split([' ', '\u3000', '\t', ',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.Replace("\"", "", StringComparison.Ordinal)).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).Take(8).ToArray();

    public static async Task<SearchPage> SearchAsync(GongkaiDbContext db, SearchQuery query, CancellationToken ct = default)
    {
        var terms = Terms(query.Text);
        var items = Published(db, terms);
        if (query.Category is { } category)
        {
            items = items.Where(p => p.Category == category);
        }

        if (query.Area is { Length: > 0 } area)
        {
            items = items.Where(p => p.Area == area);
        }

        if (query.Subject is { Length: > 0 } subject)
        {
            items = items.Where(p => p.Subject == subject);
        }

        if (query.AgencyId is { Length: > 0 } agency)
        {
            items = items.Where(p => p.AgencyId == agency);
        }

        var total = await items.CountAsync(ct).ConfigureAwait(false);
        var page = Math.Max(1, query.Page);
        var list = await items.OrderByDescending(p => p.PublishedOn).ThenByDescending(p => p.Id)
            .Skip((page - 1) * query.PageSize).Take(query.PageSize).AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
        return new SearchPage(list, total, terms);
    }

    private static IQueryable<PublicationRow> Published(GongkaiDbContext db, IReadOnlyList<string> terms)
    {
        var postgres = db.Database.IsNpgsql();
        var longTerms = terms.Where(t => t.Length >= TrigramLength).ToArray();
        var items = !postgres && longTerms.Length > 0
            ? db.Publications.FromSqlRaw(
                "SELECT p.* FROM \"publications\" p WHERE p.\"Id\" IN (SELECT rowid FROM \"publications_fts\" WHERE \"publications_fts\" MATCH {0})",
                string.Join(' ', longTerms.Select(t => $"\"{t}\"")))
            : db.Publications;
        items = items.Where(p => p.PublishedOn != null);
        foreach (var term in postgres ? terms : terms.Where(t => t.Length < TrigramLength))
        {
            var pattern = "%" + term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            items = postgres
                ? items.Where(p => EF.Functions.ILike(p.Title, pattern, "\\") || EF.Functions.ILike(p.Body, pattern, "\\"))
                : items.Where(p => EF.Functions.Like(p.Title, pattern, "\\") || EF.Functions.Like(p.Body, pattern, "\\"));
        }

        return items;
    }
}
