using System.Diagnostics;
using System.Globalization;

namespace Gongkai.Bench;

/// <summary>
/// <c>sql FILE QUERY…</c>: runs each query twice against a SQLite file and prints the time, the row
/// count and the sum of the last column (or, for <c>EXPLAIN QUERY PLAN</c>, the plan). Used to
/// compare query shapes and indexes on a database kept by <c>records --sqlite FILE</c>; set
/// <c>PRAGMAS="mmap_size=…;cache_size=…"</c> to try connection settings.
/// </summary>
public static class SqlProbe
{
    public static void Run(string db, string[] queries)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db}");
        connection.Open();
        foreach (var pragma in (Environment.GetEnvironmentVariable("PRAGMAS") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA " + pragma;
            command.ExecuteNonQuery();
        }

        foreach (var query in queries)
        {
            for (var run = 0; run < 2; run++)
            {
                var watch = Stopwatch.StartNew();
                using var command = connection.CreateCommand();
                command.CommandText = query;
                using var reader = command.ExecuteReader();
                var (rows, sum) = (0, 0L);
                while (reader.Read())
                {
                    rows++;
                    if (query.StartsWith("EXPLAIN", StringComparison.OrdinalIgnoreCase))
                    {
                        Console.WriteLine(reader.GetString(3));
                    }
                    else
                    {
                        sum += reader.IsDBNull(reader.FieldCount - 1) ? 0 : reader.GetInt64(reader.FieldCount - 1);
                    }
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{watch.Elapsed.TotalSeconds:F3} s  rows={rows} sum={sum}  {query[..Math.Min(80, query.Length)]}"));
            }
        }
    }
}
