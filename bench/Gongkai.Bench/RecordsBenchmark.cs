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
        // --sqlite FILE keeps the seeded database (and reuses it when it exists), to compare query plans.
        var keep = Arg(args, "--sqlite");
        var sqlite = keep ?? Path.Combine(Path.GetTempPath(), $"gongkai-bench-{Guid.NewGuid():N}.db");
        await MeasureAsync("SQLite", sqlite, count);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in keep is null ? new[] { sqlite, sqlite + "-wal", sqlite + "-shm" } : [])
        {
            File.Delete(f);
        }

        if (Arg(args, "--postgres") is { } pg)
        {
            await MeasureAsync("PostgreSQL", pg, count);
        }
    }

    private static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static async Task MeasureAsync(string label, string db, int count)
    {
        await using var context = GongkaiDatabase.Open(db, Gongkai.Core.Calendar.ChinaClock.Real);
        Migrator.Migrate(context);
        var seed = Stopwatch.StartNew();
        if (!await context.Agencies.AnyAsync())
        {
            await SeedAsync(context, count);
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
        for (var run = 0; run < 3; run++)
        {
            var watch = Stopwatch.StartNew();
            var report = await RecordsReport.TablesAsync(context, "QZF", 2024, includeSubordinates: true);
            watch.Stop();
            times.Add(watch.Elapsed.TotalSeconds);
            received = report.Requests!["received"]![6] ?? 0;
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label,-11} {count,9:N0} applications (seeded in {seed.Elapsed.TotalSeconds:F1} s): report generate for the district {times[1]:F3} s (median of 3; runs {string.Join(", ", times.Select(t => t.ToString("F3", CultureInfo.InvariantCulture)))}); 2024 received = {received:N0}"));
    }

    /// <summary>A district of 1 government and 20 subordinates; applications over 2020–2025, 90 % decided within 40 days.</summary>
    private static async Task SeedAsync(GongkaiDbContext context, int count)
    {
        context.Agencies.Add(new AgencyRow { Id = "QZF", Name = "北关区人民政府" });
        for (var i = 1; i <= 20; i++)
        {
            context.Agencies.Add(new AgencyRow { Id = $"D{i:D2}", Name = $"部门{i}", ParentId = "QZF" });
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
            var apps = new System.Text.StringBuilder("INSERT INTO applications (\"Id\",\"TrackingNumber\",\"AgencyId\",\"ApplicantType\",\"Channel\",\"ReceivedOn\",\"ApplicantName\",\"Phone\",\"Description\") VALUES ");
            var events = new System.Text.StringBuilder("INSERT INTO case_events (\"ApplicationId\",\"Sequence\",\"Kind\",\"On\",\"Outcome\",\"Party\",\"RecordedBy\",\"RecordedAtUtc\") VALUES ");
            var firstEvent = true;
            for (var i = from; i < Math.Min(count, from + batch); i++)
            {
                var id = i + 1;
                var received = DateOnly.FromDayNumber(start + random.Next(6 * 365));
                var agency = random.Next(21) == 0 ? "QZF" : $"D{random.Next(1, 21):D2}";
                apps.Append(i == from ? "" : ",").Append(CultureInfo.InvariantCulture, $"({id},'T{id}','{agency}',{random.Next(6)},{random.Next(6)},{Date(received, postgres)},'x','x','x')");
                events.Append(firstEvent ? "" : ",").Append(CultureInfo.InvariantCulture, $"({id},0,'received',{Date(received, postgres)},NULL,0,'bench',{Now(postgres)})");
                firstEvent = false;
                if (random.Next(10) != 0)
                {
                    var decided = received.AddDays(random.Next(1, 40));
                    events.Append(CultureInfo.InvariantCulture, $",({id},1,'decided',{Date(decided, postgres)},{random.Next(21)},NULL,'bench',{Now(postgres)})");
                }
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
