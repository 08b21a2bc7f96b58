using System.Diagnostics;
using System.Globalization;
using Gongkai.Data;
using Gongkai.Data.Model;
using Gongkai.Data.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Bench;

/// <summary>
/// <c>search [--items N] [--agencies K] [--sqlite FILE] [--postgres CONN]</c>: Chinese full-text search over N published
/// items (DESIGN §7: 1,000,000 items, p95 ≤ 50 ms). Items are generated from a vocabulary of
/// government-information phrases; queries mix rare and common, long and 2-character terms. Prints
/// p50/p95/max over 200 searches (first page of 20 with the total count, as /search does). With K agencies
/// (default 1) the items are spread over them and 200 searches within one agency's 专栏 are measured too.
/// </summary>
public static class SearchBenchmark
{
    private static readonly string[] _phrases =
    [
        "最低生活保障", "养老服务", "老旧小区改造", "加装电梯", "安全生产检查", "防汛应急预案", "部门决算", "行政处罚决定", "城市综合执法",
        "义务教育招生", "公共文化服务", "社区卫生服务", "农村危房改造", "保障性住房", "就业创业补贴", "社会保险缴费", "占道经营", "环境监测",
        "食品安全抽检", "户籍办理", "救灾物资", "市政道路维修", "公共法律服务", "涉农补贴发放", "重大建设项目", "招标公告", "财政预算",
    ];

    private static readonly string[] _queries = ["养老服务", "加装电梯", "占道经营 处罚", "低保", "社区", "食品安全抽检", "第3号", "不存在的词语", "救灾", "市政道路维修"];

    public static async Task RunAsync(string[] args)
    {
        var count = Arg(args, "--items") is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : 1_000_000;
        var agencies = Arg(args, "--agencies") is { } k ? int.Parse(k, CultureInfo.InvariantCulture) : 1;
        var sqlite = Arg(args, "--sqlite") ?? Path.Combine(Path.GetTempPath(), $"gongkai-search-{Guid.NewGuid():N}.db");
        await MeasureAsync("SQLite", sqlite, count, agencies);
        if (Arg(args, "--sqlite") is null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { sqlite, sqlite + "-wal", sqlite + "-shm" })
            {
                File.Delete(f);
            }
        }

        if (Arg(args, "--postgres") is { } pg)
        {
            await MeasureAsync("PostgreSQL", pg, count, agencies);
        }
    }

    private static string? Arg(string[] args, string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    private static async Task MeasureAsync(string label, string db, int count, int agencies)
    {
        await using var context = GongkaiDatabase.Open(db, Gongkai.Core.Calendar.ChinaClock.Real);
        Migrator.Migrate(context);
        var seed = Stopwatch.StartNew();
        if (!await context.Publications.AnyAsync())
        {
            await SeedAsync(context, count, agencies);
        }

        await context.Database.ExecuteSqlRawAsync("ANALYZE");
        seed.Stop();
        await RunAsync(context, label, count, seed.Elapsed, agency: null);
        if (agencies > 1)
        {
            await RunAsync(context, label, count, seed.Elapsed, agency: Agency(agencies / 2));
        }
    }

    private static string Agency(int i) => i == 0 ? "QZF" : $"QZF-{i:D4}";

    private static async Task RunAsync(GongkaiDbContext context, string label, int count, TimeSpan seeded, string? agency)
    {
        var times = new List<double>();
        var random = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var query = _queries[random.Next(_queries.Length)];
            var watch = Stopwatch.StartNew();
            var page = await PublicationSearch.SearchAsync(context, new SearchQuery(query, AgencyId: agency));
            times.Add(watch.Elapsed.TotalMilliseconds);
            _ = page.Total;
        }

        times.Sort();
        var within = agency is null ? "" : $" within {agency}";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label,-11} {count,9:N0} items (seeded in {seeded.TotalSeconds:F1} s){within}: search p50 {times[100]:F1} ms, p95 {times[190]:F1} ms, max {times[^1]:F1} ms"));
        foreach (var q in _queries)
        {
            var watch = Stopwatch.StartNew();
            var page = await PublicationSearch.SearchAsync(context, new SearchQuery(q, AgencyId: agency));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {q,-12} {page.Total,8:N0} hits {watch.Elapsed.TotalMilliseconds,8:F1} ms"));
        }
    }

    private static async Task SeedAsync(GongkaiDbContext context, int count, int agencies)
    {
        context.Agencies.AddRange(Enumerable.Range(0, agencies).Select(i => new AgencyRow { Id = Agency(i), Name = i == 0 ? "北关区人民政府" : $"北关区第{i}部门", CreditCode = "11370812004339255B" }));
        await context.SaveChangesAsync();
        await context.Database.OpenConnectionAsync();
        var connection = context.Database.GetDbConnection();
        var postgres = context.Database.IsNpgsql();
        var random = new Random(3);
        await using var transaction = await connection.BeginTransactionAsync();
        const int batch = 500;
        for (var from = 0; from < count; from += batch)
        {
            var sql = new System.Text.StringBuilder("INSERT INTO publications (\"AgencyId\",\"IndexNumber\",\"Title\",\"Body\",\"Category\",\"WrittenOn\",\"PublishedOn\",\"Validity\") VALUES ");
            for (var i = from; i < Math.Min(count, from + batch); i++)
            {
                var a = _phrases[random.Next(_phrases.Length)];
                var b = _phrases[random.Next(_phrases.Length)];
                var day = new DateOnly(2020, 1, 1).AddDays(random.Next(2000));
                var date = postgres ? $"DATE '{day:yyyy-MM-dd}'" : $"'{day:yyyy-MM-dd}'";
                sql.Append(i == from ? "" : ",").Append(CultureInfo.InvariantCulture,
                    $"('{Agency(agencies == 1 ? 0 : random.Next(agencies))}','11370812004339255B/{day.Year}-{i:D7}','北关区{a}情况公示（第{i % 97}号）','根据工作安排，现将{a}和{b}的有关情况公开如下：本期共办理{random.Next(1000)}件，涉及{random.Next(50)}个社区。',{random.Next(1, 16)},{date},{date},'有效')");
            }

            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }
}
