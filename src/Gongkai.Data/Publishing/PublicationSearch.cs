using Gongkai.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Publishing;

/// <summary>What the public asks the 目录 for: words (all must occur), and optional filters.</summary>
public sealed record SearchQuery(string? Text, int? Category = null, string? Area = null, string? AgencyId = null, int Page = 1, int PageSize = 20, string? Subject = null);

public sealed record SearchPage(IReadOnlyList<PublicationRow> Items, int Total, IReadOnlyList<string> Terms);

/// <summary>
/// Chinese full-text search over published items. Chinese has no spaces to split words at: SQLite
/// indexes character bigrams of published items in FTS5 (<see cref="SearchGrams"/>; a term is the
/// phrase of its bigrams, so 2-character terms such as 低保 are indexed too; a 1-character term or
/// one with punctuation falls back to <c>LIKE</c>), PostgreSQL serves <c>ILIKE</c> from pg_trgm GIN indexes. Every term
/// must occur in the title or body.
/// With words, results come newest entry first (by id, which the index can page without sorting);
/// browsing without words comes newest 发布日期 first.
/// </summary>
public static class PublicationSearch
{

    public static IReadOnlyList<string> Terms(string? text) =>
        (text ?? "").Split([' ', '\u3000', '\t', ',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.Replace("\"", "", StringComparison.Ordinal)).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).Take(8).ToArray();

    public static async Task<SearchPage> SearchAsync(GongkaiDbContext db, SearchQuery query, CancellationToken ct = default)
    {
        var terms = Terms(query.Text);
        var page = Math.Max(1, query.Page);
        if (!db.Database.IsNpgsql() && SearchGrams.Query(terms) is { } match
            && query is { Category: null, Area: null or "", AgencyId: null or "", Subject: null or "" })
        {
            return await IndexOnlyAsync(db, match, terms, page, query.PageSize, ct).ConfigureAwait(false);
        }

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
        IQueryable<PublicationRow> ordered = terms.Count > 0
            ? items.OrderByDescending(p => p.Id)
            : items.OrderByDescending(p => p.PublishedOn).ThenByDescending(p => p.Id);
        var list = await ordered
            .Skip((page - 1) * query.PageSize).Take(query.PageSize).AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
        return new SearchPage(list, total, terms);
    }

    /// <summary>
    /// The common case on SQLite — words only, no filters — answered from the full-text index alone
    /// (it holds published items only): the count and the page's rowids come from FTS5, newest entry
    /// first, and only the page's rows are read from the table.
    /// </summary>
    private static async Task<SearchPage> IndexOnlyAsync(GongkaiDbContext db, string match, IReadOnlyList<string> terms, int page, int pageSize, CancellationToken ct)
    {
        var total = await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM \"publications_grams\" WHERE \"publications_grams\" MATCH {0}", match)
            .SingleAsync(ct).ConfigureAwait(false);
        var ids = await db.Database.SqlQueryRaw<long>(
                "SELECT rowid AS \"Value\" FROM \"publications_grams\" WHERE \"publications_grams\" MATCH {0} ORDER BY rowid DESC LIMIT {1} OFFSET {2}",
                match, pageSize, (page - 1) * pageSize)
            .ToListAsync(ct).ConfigureAwait(false);
        var rows = await db.Publications.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(ct).ConfigureAwait(false);
        return new SearchPage(rows.OrderByDescending(r => r.Id).ToArray(), total, terms);
    }

    private static IQueryable<PublicationRow> Published(GongkaiDbContext db, IReadOnlyList<string> terms)
    {
        var postgres = db.Database.IsNpgsql();
        var indexed = postgres ? [] : terms.Where(SearchGrams.Indexable).ToArray();
        var items = indexed.Length > 0
            ? db.Publications.FromSqlRaw(
                "SELECT p.* FROM \"publications\" p WHERE p.\"Id\" IN (SELECT rowid FROM \"publications_grams\" WHERE \"publications_grams\" MATCH {0})",
                SearchGrams.Query(indexed)!)
            : db.Publications;
        items = items.Where(p => p.PublishedOn != null);
        foreach (var term in postgres ? terms : terms.Except(indexed))
        {
            var pattern = "%" + term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            items = postgres
                ? items.Where(p => EF.Functions.ILike(p.Title, pattern, "\\") || EF.Functions.ILike(p.Body, pattern, "\\"))
                : items.Where(p => EF.Functions.Like(p.Title, pattern, "\\") || EF.Functions.Like(p.Body, pattern, "\\"));
        }

        return items;
    }
}
