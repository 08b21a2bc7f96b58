using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Gongkai.Data;
using Gongkai.Data.Model;
using Gongkai.Data.Reports;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Bench;

/// <summary>
/// Tables 二–四 computed from N stored applications (DESIGN §7: 1,000,000 in ≤ 1 s) on SQLite and,
/// when a connection string is given, PostgreSQL. Rows are bulk-inserted with plain SQL (the
/// seeding is not what is measured); the report is built three times and the median printed.
/// </summary>
public static class RecordsBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var count = Arg(args, "--applications") is { } a ? int.Parse(a, CultureInfo.InvariantCulture) : 1_000_000;
        // --agencies N: the government and N agencies below it (20, a district; 2,000, a province).
        var agencies = Arg(args, "--agencies") is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : 20;
        // --sqlite FILE keeps the seeded database (and reuses it when it exists), to compare query plans.
        var keep = Arg(args, "--sqlite");
        var sqlite = keep ?? Path.Combine(Path.GetTempPath(), $"gongkai-bench-{Guid.NewGuid():N}.db");
        if (args.Contains("--skip-sqlite"))
        {
            sqlite = "";
        }
        else
        {
            await MeasureAsync("SQLite", sqlite, count, agencies);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in keep is null && sqlite.Length > 0 ? new[] { sqlite, sqlite + "-wal", sqlite + "-shm" } : [])
        {
            File.Delete(f);
        }

        if (Arg(args, "--postgres") is { } pg)
        {
            await MeasureAsync("PostgreSQL", pg, count, agencies);
        }
    }

    private static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static async Task MeasureAsync(string label, string db, int count, int agencyCount)
    {
        await using var context = GongkaiDatabase.Open(db, Gongkai.Core.Calendar.ChinaClock.Real);
        Migrator.Migrate(context);
        var seed = Stopwatch.StartNew();
        if (!await context.Agencies.AnyAsync())
        {
            await SeedAsync(context, count, agencyCount);
        }

        seed.Stop();
        if (context.Database.IsNpgsql())
        {
            await context.Database.ExecuteSqlRawAsync("ANALYZE");
        }
        else
        {
            await context.Database.ExecuteSqlRawAsync("ANALYZE");
        }

        var times = new List<double>();
        var received = 0;
        for (var run = 0; run < 5; run++)
        {
            var watch = Stopwatch.StartNew();
            var report = await RecordsReport.TablesAsync(context, "QZF", 2024, includeSubordinates: true);
            watch.Stop();
            times.Add(watch.Elapsed.TotalSeconds);
            received = report.Requests!["received"]![6] ?? 0;
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label,-11} {count,9:N0} applications (seeded in {seed.Elapsed.TotalSeconds:F1} s): report generate for the district {times[2]:F3} s (median of 5; runs {string.Join(", ", times.Select(t => t.ToString("F3", CultureInfo.InvariantCulture)))}); 2024 received = {received:N0}"));
    }

    /// <summary>A government and <paramref name="agencyCount"/> agencies below it; applications over 2020–2025 spread evenly, 90 % decided within 40 days.</summary>
    private static async Task SeedAsync(GongkaiDbContext context, int count, int agencyCount)
    {
        context.Agencies.Add(new AgencyRow { Id = "QZF", Name = "北关区人民政府" });
        var agencies = new[] { "QZF" }.Concat(Enumerable.Range(1, agencyCount).Select(i => $"D{i:D4}")).ToArray();
        foreach (var id in agencies.Skip(1))
        {
            context.Agencies.Add(new AgencyRow { Id = id, Name = $"部门{id}", ParentId = "QZF" });
        }

        await context.SaveChangesAsync();
        await context.Database.OpenConnectionAsync();
        var connection = context.Database.GetDbConnection();
        var postgres = context.Database.IsNpgsql();
        var random = new Random(1);
        var start = new DateOnly(2020, 1, 1).DayNumber;
        const int batch = 500;
        await using var transaction = await connection.BeginTransactionAsync();
        for (var from = 0; from < count; from += batch)
        {
            var apps = new System.Text.StringBuilder("INSERT INTO applications (\"Id\",\"TrackingNumber\",\"AgencyId\",\"ApplicantType\",\"Channel\",\"ReceivedOn\",\"ApplicantName\",\"Phone\",\"Description\",\"ClosedOn\",\"ClosedState\") VALUES ");
            var events = new System.Text.StringBuilder("INSERT INTO case_events (\"ApplicationId\",\"Sequence\",\"Kind\",\"On\",\"Outcome\",\"Party\",\"RecordedBy\",\"RecordedAtUtc\") VALUES ");
            var firstEvent = true;
            for (var i = from; i < Math.Min(count, from + batch); i++)
            {
                var id = i + 1;
                var received = DateOnly.FromDayNumber(start + random.Next(6 * 365));
                var agency = agencies[random.Next(agencies.Length)];
                var (type, channel) = (random.Next(6), random.Next(6));
                events.Append(firstEvent ? "" : ",").Append(CultureInfo.InvariantCulture, $"({id},0,'received',{Date(received, postgres)},NULL,0,'bench',{Now(postgres)})");
                firstEvent = false;
                var closure = "NULL,NULL";
                if (random.Next(10) != 0)
                {
                    // The closing event and, as CaseStore writes it in the same transaction, the closure projection.
                    var decided = received.AddDays(random.Next(1, 40));
                    var outcome = random.Next(21);
                    events.Append(CultureInfo.InvariantCulture, $",({id},1,'decided',{Date(decided, postgres)},{outcome},NULL,'bench',{Now(postgres)})");
                    closure = string.Create(CultureInfo.InvariantCulture, $"{Date(decided, postgres)},{outcome + 1}");
                }

                apps.Append(i == from ? "" : ",").Append(CultureInfo.InvariantCulture, $"({id},'T{id}','{agency}',{type},{channel},{Date(received, postgres)},'x','x','x',{closure})");
            }

            await Execute(connection, transaction, apps.ToString());
            await Execute(connection, transaction, events.ToString());
        }

        await transaction.CommitAsync();
    }

    private static string Date(DateOnly d, bool postgres) =>
        postgres ? $"DATE '{d:yyyy-MM-dd}'" : $"'{d:yyyy-MM-dd}'";

    private static string Now(bool postgres) => postgres ? "now()" : "'2026-01-01 00:00:00'";

    private static async Task Execute(DbConnection connection, DbTransaction transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
