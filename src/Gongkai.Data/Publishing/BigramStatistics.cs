using System.Collections.Concurrent;
using System.Data.Common;
using Gongkai.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Publishing;

/// <summary>
/// PostgreSQL's own statistics of the search vector (<c>pg_stats.most_common_elems</c>, kept by ANALYZE): in what share of
/// items each common bigram occurs, and how many items there are (<c>pg_class.reltuples</c>). The planner cannot estimate a
/// phrase of bigrams (it multiplies the bigrams' frequencies as if they were independent, and 「食品安全抽检」 comes out at
/// 4 rows instead of 73,000), but one bigram's share is known well; <see cref="PostgresSearch"/> asks the index for each
/// word's rarest bigrams and weighs its ways of reading by these numbers. A bigram missing from the list is rarer than every
/// listed one, so the smallest listed share bounds it. Read at most every ten minutes per database.
/// </summary>
/// <param name="Items">Rows of <c>publications</c> as of the last ANALYZE (0 when never analysed).</param>
public sealed record BigramStatistics(IReadOnlyDictionary<string, float> Shares, double Items)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);
    private static readonly ConcurrentDictionary<string, (DateTime At, BigramStatistics Statistics)> Cache = new(StringComparer.Ordinal);

    private readonly double _unlisted = Shares.Count == 0 ? 1 : Shares.Values.Min();

    /// <summary>The share of items holding <paramref name="bigram"/> (an upper bound when it is not among the common ones; 1 when nothing is known).</summary>
    public double Share(string bigram) => Shares.TryGetValue(bigram, out var share) ? share : _unlisted;

    public static async Task<BigramStatistics> ReadAsync(GongkaiDbContext db, CancellationToken ct)
    {
        var key = db.Database.GetConnectionString() ?? "";
        var now = db.Clock.GetUtcNow().UtcDateTime;
        if (Cache.TryGetValue(key, out var cached) && now - cached.At < MaxAge)
        {
            return cached.Statistics;
        }

        var shares = new Dictionary<string, float>(StringComparer.Ordinal);
        double items = 0;
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);
        }

        try
        {
            await using (DbCommand command = connection.CreateCommand())
            {
                command.CommandText = $"SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'publications' AND attname = '{GongkaiDbContext.SearchVectorColumn}'";
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                if (await reader.ReadAsync(ct).ConfigureAwait(false) && !reader.IsDBNull(0) && !reader.IsDBNull(1))
                {
                    var elements = (string[])reader.GetValue(0);
                    var frequencies = (float[])reader.GetValue(1);
                    for (var i = 0; i < elements.Length && i < frequencies.Length; i++)
                    {
                        shares[elements[i]] = frequencies[i];
                    }
                }
            }

            await using (DbCommand command = connection.CreateCommand())
            {
                command.CommandText = "SELECT GREATEST(reltuples, 0)::float8 FROM pg_class WHERE oid = 'publications'::regclass";
                items = await command.ExecuteScalarAsync(ct).ConfigureAwait(false) is double n ? n : 0;
            }
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync().ConfigureAwait(false);
            }
        }

        var statistics = new BigramStatistics(shares, items);
        Cache[key] = (now, statistics);
        return statistics;
    }
}
