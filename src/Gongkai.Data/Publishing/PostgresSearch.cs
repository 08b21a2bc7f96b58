using Gongkai.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Publishing;

/// <summary>
/// Searching with words on PostgreSQL: the newest hits first and the count exact up to
/// <see cref="PublicationSearch.CountLimit"/>, in time bounded by what is found rather than by the size of the 目录.
/// <para>
/// A GIN index answers "which rows hold these bigrams" in heap order, all of them at once; it cannot stop after the newest
/// thousand, and it cannot be asked for a range of ids — every lookup reads a bigram's whole posting list. A common bigram
/// (「第3」 is in 11 % of items) costs ~20 ms per lookup at 1,000,000 items and every candidate it returns costs a heap
/// visit (~4 µs) to check the phrase. RUM (Debian's <c>postgresql-15-rum</c>) was measured too: it loads on 15.20, but its
/// ordered scan sorts every match before returning the first (967 ms for 「社区」), and its index is eight times GIN's size.
/// </para>
/// <para>
/// So the index (migration 0020) holds, besides each item's bigrams, the words of the id ranges the item falls in:
/// <c>w14x61</c> = ids 61·2¹⁴ … 62·2¹⁴−1, and likewise 2¹⁶, 2¹⁸ and 2²⁰ ids wide. A lookup ANDed with one such word is
/// answered by GIN's fast scan within that range only (~0.12 µs per id of the range), so the search can walk backwards
/// from the newest id in aligned ranges (each at most four times wider than the last, and no wider than the hits still
/// missing need at the density seen), and stop when the page and the count are full.
/// It also holds the item's agency (<c>@JD-01</c>): a search within one 专栏 — the default on an agency's pages of a
/// platform of many — asks the index for that agency's items only, instead of checking every agency's candidates.
/// Three ways of reading are weighed before every step, using the density of hits seen so far:
/// <list type="bullet">
/// <item><see cref="Strategy.KeyOrder"/>: the primary key backwards, the phrase checked on every row (~0.8 µs a row) — best when hits are dense;
/// the first step is this, over the newest <see cref="FirstWindow"/> ids, which measures the density (unless one whole lookup is cheaper even if every id were a hit).</item>
/// <item><see cref="Strategy.Windows"/>: one id range through the index, its candidates checked on the heap — best for hits that are neither dense nor rare.</item>
/// <item><see cref="Strategy.Whole"/>: everything older in one index lookup — best when the rarest bigram is rare, or hits are so sparse
/// that the ranges would have to cover most of the table.</item>
/// </list>
/// The costs are rough figures measured on the two-core bench machine; only their ratios matter. Whatever is chosen, the
/// rows returned are the same: every way applies the same phrase conditions and filters, newest id first.
/// </para>
/// </summary>
public static class PostgresSearch
{
    /// <summary>The indexed expression of migration 0020 (<c>IX_publications_search_windows</c>), written exactly as the index is, so the planner matches it.</summary>
    public const string WindowedVector =
        "(p.\"SearchVector\" || array_to_tsvector(ARRAY['w14x' || (p.\"Id\" >> 14)::text, 'w16x' || (p.\"Id\" >> 16)::text, 'w18x' || (p.\"Id\" >> 18)::text, 'w20x' || (p.\"Id\" >> 20)::text, '@' || p.\"AgencyId\"]))";

    /// <summary>The widths (powers of two) of the id ranges the index knows, narrowest first.</summary>
    public static readonly IReadOnlyList<int> RangeBits = [14, 16, 18, 20];

    /// <summary>The newest ids read in key order first, to measure how dense the hits are.</summary>
    public const int FirstWindow = 4096;

    /// <summary>How a step reads; <see cref="SearchAsync"/> takes a forced one for tests.</summary>
    public enum Strategy
    {
        KeyOrder,
        Windows,
        Whole,
    }

    // Rough costs in microseconds (see the class summary).
    private const double RowInKeyOrder = 0.8;
    private const double RangeId = 0.12;
    private const double PostingEntry = 0.1;
    private const double Candidate = 4;
    private const double CandidatesPerHit = 2;
    private const double Statement = 1500;

    /// <summary>How many bigrams of one word the index is asked for (its rarest ones): more cut the candidates, each costs a posting list.</summary>
    private const int BigramsPerWord = 2;

    /// <summary>
    /// A word's second bigram is left out when its share is within this ratio of the first's: bigrams found in the same share
    /// of items are most likely parts of one longer word (占道/经营 of 占道经营, 7.38 % each in the bench data) and match the
    /// same items, so the second list would cost its whole length and cut no candidate; 「第3号」's 第3 (11.8 %) and 3号 (10.3 %)
    /// come from different numbers and together cut the candidates fivefold.
    /// </summary>
    private const double SameShare = 1.05;

    public static async Task<SearchPage> SearchAsync(
        GongkaiDbContext db, IReadOnlyList<string> terms, string? agencyId, Func<IQueryable<PublicationRow>, IQueryable<PublicationRow>> filter,
        int page, int pageSize, Strategy? forced = null, CancellationToken ct = default)
    {
        var top = await db.Publications.MaxAsync(p => (long?)p.Id, ct).ConfigureAwait(false) ?? 0;
        var words = await WordsAsync(db, terms, agencyId, top, ct).ConfigureAwait(false);
        var wanted = Math.Max(PublicationSearch.CountLimit + 1, page * pageSize);
        var ids = new List<long>(Math.Min(wanted, 4096));
        var high = top;

        // Reads the hits with ids in (low, high], newest first, and moves the search below them.
        async Task ReadAsync(IQueryable<PublicationRow> rows, long low)
        {
            var (from, upTo, take) = (low, high, wanted - ids.Count);
            ids.AddRange(await filter(rows).Where(p => p.Id > from && p.Id <= upTo).OrderByDescending(p => p.Id).Select(p => p.Id).Take(take)
                .ToListAsync(ct).ConfigureAwait(false));
            high = low;
        }

        var keyOrderWindow = (long)FirstWindow;
        var widest = 0;
        while (high > 0 && ids.Count < wanted)
        {
            var strategy = forced ?? Choose(words, ids.Count, top - high, wanted, high);
            if (strategy == Strategy.Whole)
            {
                await ReadAsync(Matching(db, words, ""), 0).ConfigureAwait(false);
            }
            else if (strategy == Strategy.Windows && words.Bigrams.Length > 0)
            {
                // The range of the index that ends at the newest id not yet searched: the widest one aligned there, at most one
                // width wider than the last (where none is aligned, right after the first step, the narrowest holding that id);
                // narrower if that is enough for the hits still missing at the density seen so far.
                var aligned = 0;
                while (aligned < widest && (high + 1) % (1L << RangeBits[aligned + 1]) == 0)
                {
                    aligned++;
                }

                var needed = (wanted - ids.Count) / Density(ids.Count, top - high);
                var level = 0;
                while (level < aligned && 1L << RangeBits[level] < needed)
                {
                    level++;
                }

                widest = Math.Min(RangeBits.Count - 1, aligned + 1);
                var bits = RangeBits[level];
                var index = high >> bits;
                await ReadAsync(Matching(db, words, $"w{bits}x{index}"), (index << bits) - 1).ConfigureAwait(false);
            }
            else
            {
                var size = Math.Min(high, keyOrderWindow);
                keyOrderWindow *= 4;
                await ReadAsync(Matching(db, words, null), high - size).ConfigureAwait(false);
            }
        }

        var pageIds = ids.Skip((page - 1) * pageSize).Take(pageSize).ToArray();
        var rows = await db.Publications.AsNoTracking().Where(p => pageIds.Contains(p.Id)).ToListAsync(ct).ConfigureAwait(false);
        return new SearchPage(rows.OrderByDescending(r => r.Id).ToArray(), Math.Min(ids.Count, PublicationSearch.CountLimit), terms, ids.Count > PublicationSearch.CountLimit);
    }

    /// <summary>The cheapest way to find the rest, from the density of hits among the ids searched so far.</summary>
    private static Strategy Choose(Words words, int hits, long searched, int wanted, long high)
    {
        if (words.Bigrams.Length == 0)
        {
            return Strategy.KeyOrder;
        }

        var density = Density(hits, searched);
        var missing = wanted - hits;
        var idsNeeded = Math.Min(high, missing / density);
        var keyOrder = idsNeeded * RowInKeyOrder + Statement;
        var windows = idsNeeded * RangeId + Math.Min(missing, idsNeeded * density) * CandidatesPerHit * Candidate + 2 * Statement;
        var whole = words.PostingEntries * PostingEntry + Math.Min(words.RarestEntries, density * high * CandidatesPerHit) * Candidate + Statement;
        return whole <= keyOrder && whole <= windows ? Strategy.Whole : searched > 0 && windows < keyOrder ? Strategy.Windows : Strategy.KeyOrder;
    }

    /// <summary>
    /// The share of searched ids that were hits (half a hit when none was found yet). Before the first step nothing is known,
    /// and every id is taken for a hit: the newest ids are read in key order, unless the index's answer is small anyway.
    /// </summary>
    private static double Density(int hits, long searched) => searched == 0 ? 1 : Math.Max(hits, 0.5) / searched;

    /// <summary>
    /// Published items holding every word: the phrases are checked on the row; <paramref name="range"/> null reads no index,
    /// "" asks the index for the words' bigrams over all ids, a range word (<c>w16x14</c>) within that range only.
    /// </summary>
    private static IQueryable<PublicationRow> Matching(GongkaiDbContext db, Words words, string? range)
    {
        var parameters = new List<object>();
        string Parameter(object value)
        {
            parameters.Add(value);
            return $"{{{parameters.Count - 1}}}";
        }

        var sql = new System.Text.StringBuilder("SELECT p.* FROM \"publications\" p WHERE p.\"PublishedOn\" IS NOT NULL");
        if (words.Phrases.Length > 0)
        {
            sql.Append($" AND p.\"{GongkaiDbContext.SearchVectorColumn}\" @@ (")
                .AppendJoin(" && ", words.Phrases.Select(phrase => $"phraseto_tsquery('simple', {Parameter(phrase)})")).Append(')');
        }

        if (words.Agency is { } only)
        {
            sql.Append(" AND p.\"AgencyId\" = ").Append(Parameter(only));
        }

        if (range is not null && words.Bigrams.Length > 0)
        {
            var lookup = new List<string> { $"plainto_tsquery('simple', {Parameter(string.Join(' ', words.Bigrams))})" };
            if (range.Length > 0)
            {
                lookup.Add($"{Parameter(range)}::tsquery");
            }

            if (words.Agency is { } agency)
            {
                // A quoted tsquery lexeme: quotes doubled, backslashes escaped.
                lookup.Add($"{Parameter("'@" + agency.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'")}::tsquery");
            }

            sql.Append($" AND {WindowedVector} @@ (").AppendJoin(" && ", lookup).Append(')');
        }

#pragma warning disable EF1003 // only placeholders are concatenated; every word is a parameter
        IQueryable<PublicationRow> items = db.Publications.FromSqlRaw(sql.ToString(), [.. parameters]);
#pragma warning restore EF1003
        foreach (var term in words.Unindexed)
        {
            var pattern = PublicationSearch.LikePattern(term);
            items = items.Where(p => EF.Functions.ILike(p.Title, pattern, "\\") || EF.Functions.ILike(p.Body, pattern, "\\"));
        }

        return items;
    }

    /// <param name="Phrases">Each indexable word as the phrase of its bigrams, checked on the row.</param>
    /// <param name="Bigrams">The bigrams the index is asked for: each word's rarest <see cref="BigramsPerWord"/>.</param>
    /// <param name="Unindexed">Words of one character or with punctuation, matched with ILIKE.</param>
    /// <param name="Agency">The one agency searched (its 专栏), asked of the index with the words; null: all agencies.</param>
    /// <param name="PostingEntries">Estimated entries of the bigrams' posting lists (the cost of one lookup over all ids).</param>
    /// <param name="RarestEntries">Estimated items holding the rarest bigram (at most that many candidates).</param>
    private sealed record Words(string[] Phrases, string[] Bigrams, string[] Unindexed, string? Agency, double PostingEntries, double RarestEntries);

    private static async Task<Words> WordsAsync(GongkaiDbContext db, IReadOnlyList<string> terms, string? agencyId, long top, CancellationToken ct)
    {
        var indexed = terms.Where(SearchGrams.Indexable).ToArray();
        var statistics = await BigramStatistics.ReadAsync(db, ct).ConfigureAwait(false);
        var items = statistics.Items > 0 ? statistics.Items : top; // never analysed: as many as the ids, every bigram in all of them
        var bigrams = indexed
            .SelectMany(term =>
            {
                var rarest = SearchGrams.Of(term).Split(' ').Distinct(StringComparer.Ordinal)
                    .OrderBy(statistics.Share).ThenBy(b => b, StringComparer.Ordinal).Take(BigramsPerWord).ToArray();
                return rarest.Where((b, i) => i == 0 || statistics.Share(b) > statistics.Share(rarest[0]) * SameShare);
            })
            .Distinct(StringComparer.Ordinal).ToArray();
        return new Words(
            indexed.Select(SearchGrams.Of).ToArray(),
            bigrams,
            terms.Except(indexed).ToArray(),
            agencyId is { Length: > 0 } ? agencyId : null,
            bigrams.Sum(b => statistics.Share(b) * items),
            bigrams.Length == 0 ? 0 : bigrams.Min(statistics.Share) * items);
    }
}
