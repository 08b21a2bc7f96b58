using System.Collections.Concurrent;
using System.Data.Common;
using Gongkai.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Publishing;

/// <summary>
/// PostgreSQL's own statistics of the search vector (<c>pg_stats.most_common_elems</c>, kept by ANALYZE): how often each
/// common bigram occurs. The planner cannot estimate a phrase of bigrams (it multiplies the bigrams' frequencies as if
/// they were independent, and 「食品安全抽检」 comes out at 4 rows instead of 73,000), but it estimates one bigram well;
/// so the search asks the index for the rarest bigram of the words and checks the phrases on the rows it returns
/// (<see cref="PublicationSearch"/>). A bigram missing from the list is rarer than every listed one. Read at most
/// every ten minutes per database.
/// </summary>
public static class BigramStatistics
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);
    private static readonly ConcurrentDictionary<string, (DateTime At, IReadOnlyDictionary<string, float> Frequencies)> Cache = new(StringComparer.Ordinal);

    /// <summary>The bigram of <paramref name="bigrams"/> that occurs in the fewest published items, as far as the statistics know.</summary>
    public static async Task<string> RarestAsync(GongkaiDbContext db, IReadOnlyList<string> bigrams, CancellationToken ct)
    {
        var frequencies = await FrequenciesAsync(db, ct).ConfigureAwait(false);
        return bigrams.OrderBy(b => frequencies.TryGetValue(b, out var f) ? f : 0f).ThenBy(b => b, StringComparer.Ordinal).First();
    }

    private static async Task<IReadOnlyDictionary<string, float>> FrequenciesAsync(GongkaiDbContext db, CancellationToken ct)
    {
        var key = db.Database.GetConnectionString() ?? "";
        var now = db.Clock.GetUtcNow().UtcDateTime;
        if (Cache.TryGetValue(key, out var cached) && now - cached.At < MaxAge)
        {
            return cached.Frequencies;
        }

        var result = new Dictionary<string, float>(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);
        }

        try
        {
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = $"SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'publications' AND attname = '{GongkaiDbContext.SearchVectorColumn}'";
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            if (await reader.ReadAsync(ct).ConfigureAwait(false) && !reader.IsDBNull(0) && !reader.IsDBNull(1))
            {
                var elements = (string[])reader.GetValue(0);
                var frequencies = (float[])reader.GetValue(1);
                for (var i = 0; i < elements.Length && i < frequencies.Length; i++)
                {
                    result[elements[i]] = frequencies[i];
                }
            }
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync().ConfigureAwait(false);
            }
        }

        Cache[key] = (now, result);
        return result;
    }
}
