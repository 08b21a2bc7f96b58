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
/// PostgreSQL in a stored tsvector with a GIN index (migration 0005). A 1-character term or one with
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
            && query is { Category: null, Area: null or "", AgencyId: null or "", Subject: null or "", Validity: null or "" })
        {
            return await IndexOnlyAsync(db, match, terms, page, query.PageSize, ct).ConfigureAwait(false);
        }

        var items = await PublishedAsync(db, terms, ct).ConfigureAwait(false);
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

        if (db.Database.IsNpgsql() && terms.Count > 0)
        {
            return await NewestFirstInWindowsAsync(db, items, terms, page, query.PageSize, ct).ConfigureAwait(false);
        }

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

    /// <summary>The first id range searched on PostgreSQL; each next one is <see cref="WindowGrowth"/> times larger.</summary>
    public const int FirstWindow = 16_384;

    public const int WindowGrowth = 4;

    /// <summary>
    /// PostgreSQL with words: the newest hits, found in id ranges from the newest backwards (16k ids, then 64k, 256k, …)
    /// until the page and the count up to <see cref="CountLimit"/> are filled or every id was searched. Whatever plan the
    /// planner picks inside a range — the GIN bitmap intersected with the range, or the primary key read backwards with
    /// the phrase as a filter — its work is bounded by the range: a common word fills the page and the count in the first
    /// range or two, a rare one costs a few bitmap probes. Without ranges the planner, which cannot estimate how many
    /// rows a phrase of bigrams matches, read and sorted 73,000 rows for a common word (p95 689 ms at 1,000,000 items).
    /// Only the page's ids are then read in full.
    /// </summary>
    private static async Task<SearchPage> NewestFirstInWindowsAsync(GongkaiDbContext db, IQueryable<PublicationRow> items, IReadOnlyList<string> terms, int page, int pageSize, CancellationToken ct)
    {
        var top = await db.Publications.MaxAsync(p => (long?)p.Id, ct).ConfigureAwait(false) ?? 0;
        var wanted = Math.Max(CountLimit + 1, page * pageSize);
        var ids = new List<long>(Math.Min(wanted, 4096));
        for (long high = top, size = FirstWindow; high > 0 && ids.Count < wanted; high -= size, size *= WindowGrowth)
        {
            var (low, upTo, take) = (high - size, high, wanted - ids.Count);
            ids.AddRange(await items.Where(p => p.Id > low && p.Id <= upTo).OrderByDescending(p => p.Id).Select(p => p.Id).Take(take)
                .ToListAsync(ct).ConfigureAwait(false));
        }

        var pageIds = ids.Skip((page - 1) * pageSize).Take(pageSize).ToArray();
        var rows = await db.Publications.AsNoTracking().Where(p => pageIds.Contains(p.Id)).ToListAsync(ct).ConfigureAwait(false);
        return new SearchPage(rows.OrderByDescending(r => r.Id).ToArray(), Math.Min(ids.Count, CountLimit), terms, ids.Count > CountLimit);
    }

    /// <summary>
    /// The common case on SQLite — words only, no filters — answered from the full-text index alone
    /// (it holds published items only): the count and the page's rowids come from FTS5, newest entry
    /// first, and only the page's rows are read from the table.
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

    private static async Task<IQueryable<PublicationRow>> PublishedAsync(GongkaiDbContext db, IReadOnlyList<string> terms, CancellationToken ct)
    {
        var postgres = db.Database.IsNpgsql();
        var indexed = terms.Where(SearchGrams.Indexable).ToArray();
        IQueryable<PublicationRow> items;
        if (indexed.Length == 0)
        {
            items = db.Publications;
        }
        else if (postgres)
        {
            // The index is asked for each word's rarest bigram (which the planner estimates well, see BigramStatistics;
            // the words of a query are mostly independent, so their AND is estimated well too); the phrases are checked
            // on the rows it returns. `|| ''` keeps the phrase check out of the index condition.
            var rarest = new List<string>();
            foreach (var term in indexed)
            {
                rarest.Add(await BigramStatistics.RarestAsync(db, SearchGrams.Of(term).Split(' '), ct).ConfigureAwait(false));
            }

            var vector = $"p.\"{GongkaiDbContext.SearchVectorColumn}\"";
            var n = indexed.Length;
#pragma warning disable EF1003 // only the placeholders {0}…{n} are concatenated; every term is a parameter
            items = db.Publications.FromSqlRaw(
                $"SELECT p.* FROM \"publications\" p WHERE p.\"PublishedOn\" IS NOT NULL AND {vector} @@ ("
                + string.Join(" && ", rarest.Select((_, i) => $"phraseto_tsquery('simple', {{{i}}})"))
                + $") AND ({vector} || ''::tsvector) @@ ("
                + string.Join(" && ", indexed.Select((_, i) => $"phraseto_tsquery('simple', {{{n + i}}})")) + ")",
                [.. rarest, .. indexed.Select(t => (object)SearchGrams.Of(t))]);
#pragma warning restore EF1003
        }
        else
        {
            items = db.Publications.FromSqlRaw(
                "SELECT p.* FROM \"publications\" p WHERE p.\"Id\" IN (SELECT rowid FROM \"publications_grams\" WHERE \"publications_grams\" MATCH {0})",
                SearchGrams.Query(indexed)!);
        }

        items = items.Where(p => p.PublishedOn != null);
        foreach (var term in terms.Except(indexed))
        {
            var pattern = "%" + term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            items = postgres
                ? items.Where(p => EF.Functions.ILike(p.Title, pattern, "\\") || EF.Functions.ILike(p.Body, pattern, "\\"))
                : items.Where(p => EF.Functions.Like(p.Title, pattern, "\\") || EF.Functions.Like(p.Body, pattern, "\\"));
        }

        return items;
    }
}
