using Gongkai.Data.Model;
using Gongkai.Data.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Tests.Publishing;

/// <summary>
/// PostgreSQL's search reads in three ways (key order, one id range of the index, one whole lookup) and picks by cost; all
/// three, and the pick, must return exactly what a plain scan of the items would. Items get ids spread over 3.5 million, with
/// ids on both sides of the range boundaries (2¹⁴ … 2²⁰ multiples), so the range walk crosses every width it knows.
/// </summary>
public class PostgresSearchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] _phrases = ["养老服务", "加装电梯", "占道经营", "行政处罚决定", "社区卫生服务", "食品安全抽检", "救灾物资", "部门决算"];

    [Fact]
    public async Task EveryWayOfReading_FindsWhatAPlainScanFinds_NewestFirst_CountedToTheLimit()
    {
        using var test = new TestDatabase("postgres");
        using var db = await test.OpenWithAgencyAsync();
        string[] agencies = ["JD-01", "JD-02", "Q'3\\"]; // the last one tests the quoting of the index's agency word
        db.Agencies.AddRange(agencies.Skip(1).Select(a => new AgencyRow { Id = a, Name = "机关" + a }));
        var random = new Random(11);
        var ids = new SortedSet<long>();
        foreach (var bits in new[] { 14, 16, 18, 20 })
        {
            for (var k = 1L; k <= 3; k++)
            {
                ids.UnionWith([(k << bits) - 1, k << bits, (k << bits) + 1]);
            }
        }

        while (ids.Count < 3600)
        {
            // Dense among the newest ids, thinner further back, as a 目录 grows.
            ids.Add(random.Next(4) == 0 ? random.NextInt64(1, 3_500_000) : random.NextInt64(3_400_000, 3_500_000));
        }

        var day = new DateOnly(2026, 1, 5);
        var items = ids.Select((id, i) =>
        {
            var a = _phrases[random.Next(_phrases.Length)];
            var b = _phrases[random.Next(_phrases.Length)];
            return new PublicationRow
            {
                Id = id, AgencyId = agencies[random.Next(10) < 6 ? 0 : 1 + random.Next(2)], IndexNumber = $"JD01/2026-{i:D5}",
                Title = $"{a}情况公示（第{i % 37}号）",
                Body = $"现将{a}和{b}的有关情况公开如下：本期办理{random.Next(40)}件，涉及{random.Next(9)}个社区{(i % 5 == 0 ? "，由区民政局办理" : "")}。",
                Category = 1 + (i % 3), WrittenOn = day, PublishedOn = i % 29 == 0 ? null : day, Validity = "有效",
            };
        }).ToList();
        db.Publications.AddRange(items);
        await db.SaveChangesAsync(Ct);
        await db.Database.ExecuteSqlRawAsync("ANALYZE publications", Ct);

        string[] queries = ["社区", "养老服务", "第3号", "占道经营 处罚", "服务 第7号", "第3 3号", "民政局", "局 养老", "不存在的词语", "社区卫生服务 救灾物资 第1号"];
        foreach (var text in queries)
        {
            foreach (var (category, agency, page) in new (int?, string?, int)[] { (null, null, 1), (null, null, 3), (2, null, 1), (null, null, 51), (null, "JD-02", 1), (3, "Q'3\\", 2) })
            {
                var terms = PublicationSearch.Terms(text);
                var expected = items
                    .Where(p => p.PublishedOn is not null && (category is null || p.Category == category) && (agency is null || p.AgencyId == agency)
                                && terms.All(t => p.Title.Contains(t, StringComparison.Ordinal) || p.Body.Contains(t, StringComparison.Ordinal)))
                    .OrderByDescending(p => p.Id).Select(p => p.Id).ToArray();
                var expectedPage = expected.Skip((page - 1) * 20).Take(20).ToArray();
                var counted = Math.Min(expected.Length, PublicationSearch.CountLimit);
                foreach (var strategy in new PostgresSearch.Strategy?[] { null, PostgresSearch.Strategy.KeyOrder, PostgresSearch.Strategy.Windows, PostgresSearch.Strategy.Whole })
                {
                    var found = await PostgresSearch.SearchAsync(
                        db, terms, agency, rows => category is { } c ? rows.Where(p => p.Category == c) : rows, page, 20, strategy, Ct);
                    var what = $"「{text}」 机关 {agency ?? "-"} 分类 {(category is { } shown ? shown.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-")} 第 {page} 页, {strategy?.ToString() ?? "chosen"}";
                    Assert.True(expectedPage.SequenceEqual(found.Items.Select(i => i.Id)), $"{what}: expected [{string.Join(',', expectedPage)}], found [{string.Join(',', found.Items.Select(i => i.Id))}]");
                    Assert.True((counted, expected.Length > PublicationSearch.CountLimit) == (found.Total, found.More), $"{what}: expected {counted}/{expected.Length}, found {found.Total} more={found.More}");
                }
            }
        }

        // The plain search goes the same way (and the test data has both sides of the count limit).
        var common = await PublicationSearch.SearchAsync(db, new SearchQuery("社区"), Ct);
        Assert.Equal((PublicationSearch.CountLimit, true), (common.Total, common.More));
        var rare = await PublicationSearch.SearchAsync(db, new SearchQuery("占道经营 处罚"), Ct);
        Assert.InRange(rare.Total, 1, PublicationSearch.CountLimit - 1);
    }

    [Fact]
    public async Task TheRangeLookup_IsAnsweredByTheIndexOfMigration0020()
    {
        using var test = new TestDatabase("postgres");
        using var db = await test.OpenWithAgencyAsync();
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO \"publications\" (\"AgencyId\", \"IndexNumber\", \"Title\", \"Body\", \"Category\", \"WrittenOn\", \"PublishedOn\", \"Validity\") "
            + "SELECT 'JD-01', 'JD01/2026-' || i, '第' || i || '期工作通报', '本期办理' || i || '件', 1, DATE '2026-01-05', DATE '2026-01-05', '有效' FROM generate_series(1, 5000) i", Ct);
        await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE \"publications\"", Ct); // moves GIN's pending entries into the index
        await db.Database.OpenConnectionAsync(Ct);
        await db.Database.ExecuteSqlRawAsync("SET enable_seqscan = off", Ct); // a small table is otherwise cheaper to read whole
        var plan = await db.Database.SqlQueryRaw<string>(
                $"EXPLAIN SELECT p.\"Id\" FROM \"publications\" p WHERE p.\"PublishedOn\" IS NOT NULL AND {PostgresSearch.WindowedVector} @@ (plainto_tsquery('simple', '养老') && 'w14x0'::tsquery)")
            .ToListAsync(Ct);
        Assert.Contains(plan, line => line.Contains("IX_publications_search_windows", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, line => line.Contains("Seq Scan", StringComparison.Ordinal));
    }
}
