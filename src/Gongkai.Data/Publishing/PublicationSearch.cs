using Gongkai.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Publishing;

/// <summary>What the public asks the 目录 for: words (all must occur), and optional filters.</summary>
/// <param name="Validity">有效, 失效 or 废止 (<see cref="PublicationStore.Validities"/>); null: all.</param>
public sealed record SearchQuery(string? Text, int? Category = null, string? Area = null, string? AgencyId = null, int Page = 1, int PageSize = 20, string? Subject = null, string? Validity = null);

/// <param name="Total">Hits, exact up to <see cref="PublicationSearch.CountLimit"/>; <paramref name="More"/> says there are more.</param>
public sealed record SearchPage(IReadOnlyList<PublicationRow> Items, int Total, IReadOnlyList<string> Terms, bool More = false);

/// <summary>
/// Chinese full-text search over published items. Chinese has no spaces to split words at, so both
/// engines index character bigrams (<see cref="SearchGrams"/>; a term is the phrase of its bigrams,
/// so 2-character terms such as 低保 are indexed too): SQLite in an FTS5 table of published items,
/// PostgreSQL in a stored tsvector (migration 0005) with a GIN index that also knows id ranges
/// (migration 0020; how it is read: <see cref="PostgresSearch"/>). A 1-character term or one with
/// punctuation falls back to <c>LIKE</c>/<c>ILIKE</c>. Every term must occur in the title or body.
/// Hits are counted exactly up to <see cref="CountLimit"/> (「1000 条以上」 beyond): an exact count of a
/// common word costs more than the whole page.
/// With words, results come newest entry first (by id, which the index can page without sorting);
/// browsing without words comes newest 发布日期 first.
/// </summary>
public static class PublicationSearch
{
    public const int CountLimit = 1000;

    public static IReadOnlyList<string> Terms(string? text) =>
        (text ?? "").Split([' ', '\u3000', '\t', ',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.Replace("\"", "", StringComparison.Ordinal)).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).Take(8).ToArray();

    public static async Task<SearchPage> SearchAsync(GongkaiDbContext db, SearchQuery query, CancellationToken ct = default)
    {
        var terms = Terms(query.Text);
        var page = Math.Max(1, query.Page);
        if (!db.Database.IsNpgsql() && SearchGrams.Query(terms) is { } match
            && query is { Category: null, Area: null or "", Subject: null or "", Validity: null or "" })
        {
            if (query.AgencyId is { Length: > 0 } agency)
            {
                match = $"({match}) AND agency : {AgencyToken(agency)}";
            }

            return await IndexOnlyAsync(db, match, terms, page, query.PageSize, ct).ConfigureAwait(false);
        }

        if (db.Database.IsNpgsql() && terms.Count > 0)
        {
            return await PostgresSearch.SearchAsync(db, terms, query.AgencyId, items => Filtered(items, query), page, query.PageSize, ct: ct).ConfigureAwait(false);
        }

        var items = Filtered(Published(db, terms), query);
        var total = terms.Count > 0
            ? await items.Select(p => p.Id).Take(CountLimit + 1).CountAsync(ct).ConfigureAwait(false)
            : await items.CountAsync(ct).ConfigureAwait(false);
        IQueryable<PublicationRow> ordered = terms.Count > 0
            ? items.OrderByDescending(p => p.Id)
            : items.OrderByDescending(p => p.PublishedOn).ThenByDescending(p => p.Id);
        var list = await ordered
            .Skip((page - 1) * query.PageSize).Take(query.PageSize).AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
        return new SearchPage(list, Math.Min(total, terms.Count > 0 ? CountLimit : int.MaxValue), terms, terms.Count > 0 && total > CountLimit);
    }

    /// <summary>The query's filters (分类, 区域, 有效性, 主题, 机关) on any set of items.</summary>
    private static IQueryable<PublicationRow> Filtered(IQueryable<PublicationRow> items, SearchQuery query)
    {
        if (query.Category is { } category)
        {
            items = items.Where(p => p.Category == category);
        }

        if (query.Area is { Length: > 0 } area)
        {
            items = items.Where(p => p.Area == area);
        }

        if (query.Validity is { Length: > 0 } validity)
        {
            items = items.Where(p => p.Validity == validity);
        }

        if (query.Subject is { Length: > 0 } subject)
        {
            items = items.Where(p => p.Subject == subject);
        }

        if (query.AgencyId is { Length: > 0 } agency)
        {
            items = items.Where(p => p.AgencyId == agency);
        }

        return items;
    }

    /// <summary>
    /// The common case on SQLite — words only, no filter but the agency — answered from the full-text index
    /// alone (it holds published items only, and each one's agency): the count and the page's rowids come
    /// from FTS5, newest entry first, and only the page's rows are read from the table.
    /// </summary>
    private static async Task<SearchPage> IndexOnlyAsync(GongkaiDbContext db, string match, IReadOnlyList<string> terms, int page, int pageSize, CancellationToken ct)
    {
        var total = await db.Database.SqlQueryRaw<int>(
                "SELECT COUNT(*) AS \"Value\" FROM (SELECT rowid FROM \"publications_grams\" WHERE \"publications_grams\" MATCH {0} LIMIT {1})", match, CountLimit + 1)
            .SingleAsync(ct).ConfigureAwait(false);
        var ids = await db.Database.SqlQueryRaw<long>(
                "SELECT rowid AS \"Value\" FROM \"publications_grams\" WHERE \"publications_grams\" MATCH {0} ORDER BY rowid DESC LIMIT {1} OFFSET {2}",
                match, pageSize, (page - 1) * pageSize)
            .ToListAsync(ct).ConfigureAwait(false);
        var rows = await db.Publications.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(ct).ConfigureAwait(false);
        return new SearchPage(rows.OrderByDescending(r => r.Id).ToArray(), Math.Min(total, CountLimit), terms, total > CountLimit);
    }

    /// <summary>An agency as the one token of the SQLite index's <c>agency</c> column (migration 0020): 'a' and the hex of its UTF-8 bytes.</summary>
    internal static string AgencyToken(string agencyId) => "a" + Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes(agencyId));

    /// <summary>Published items holding every word (SQLite, or browsing without words on either engine; words on PostgreSQL go to <see cref="PostgresSearch"/>).</summary>
    private static IQueryable<PublicationRow> Published(GongkaiDbContext db, IReadOnlyList<string> terms)
    {
        var indexed = terms.Where(SearchGrams.Indexable).ToArray();
        var items = indexed.Length == 0
            ? db.Publications
            : db.Publications.FromSqlRaw(
                "SELECT p.* FROM \"publications\" p WHERE p.\"Id\" IN (SELECT rowid FROM \"publications_grams\" WHERE \"publications_grams\" MATCH {0})",
                SearchGrams.Query(indexed)!);
        items = items.Where(p => p.PublishedOn != null);
        foreach (var term in terms.Except(indexed))
        {
            var pattern = LikePattern(term);
            items = items.Where(p => EF.Functions.Like(p.Title, pattern, "\\") || EF.Functions.Like(p.Body, pattern, "\\"));
        }

        return items;
    }

    /// <summary>A <c>LIKE</c> pattern matching <paramref name="term"/> anywhere, with a backslash as the escape character.</summary>
    internal static string LikePattern(string term) =>
        "%" + term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
