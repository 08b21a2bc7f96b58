using Gongkai.Core.Cases;
using Gongkai.Core.Statute;
using Gongkai.Data.Cases;
using Gongkai.Data.Model;
using Gongkai.Data.Reports;

namespace Gongkai.Data.Tests.Reports;

public class ReportLockTests
{
    private static async Task<(TestDatabase, GongkaiDbContext, CaseStore)> NewAsync(string provider)
    {
        var test = new TestDatabase(provider);
        var db = await test.OpenWithAgencyAsync();
        var store = new CaseStore(db);
        var ct = TestContext.Current.CancellationToken;
        for (var i = 0; i < 3; i++)
        {
            await store.AddAsync(new NewApplication($"GK-{i}", "JD-01", ApplicantType.Natural, ReceiptChannel.InPerson, new DateOnly(2024, 3, 1 + i), "张三", "1", "某信息"), "甲", ct);
            await store.AppendAsync($"GK-{i}", new Decided(new DateOnly(2024, 3, 10 + i), i == 0 ? Outcome.PartlyDisclosed : Outcome.Disclosed), "甲", ct);
        }

        return (test, db, store);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LockedYear_KeepsTheFiledReport_AndShowsLaterChangesAsARestatement(string provider)
    {
        var (test, db, store) = await NewAsync(provider);
        using (test)
        using (db)
        {
            var ct = TestContext.Current.CancellationToken;
            var filed = await ReportLocks.LockAsync(db, "JD-01", 2024, false, "审核人乙", ct);
            Assert.Equal(3, filed.Requests!["received"]![6]);

            await store.AddAsync(new NewApplication("GK-late", "JD-01", ApplicantType.Legal, ReceiptChannel.Online, new DateOnly(2024, 12, 30), "某律所", "1", "补录"), "甲", ct);
            var locked = await ReportLocks.FindAsync(db, "JD-01", 2024, ct);
            Assert.NotNull(locked);
            Assert.Equal(3, locked.Filed.Requests!["received"]![6]);
            var changed = locked.Restatement.Select(c => c.Before.Path).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(
                ["requests.carriedForward.legal", "requests.carriedForward.total", "requests.received.legal", "requests.received.total"],
                changed);
            Assert.Contains("表三「一、本年新收政府信息公开申请数量」「总计」：3 → 4", locked.Restatement.Select(c => c.ToString()));
            await Assert.ThrowsAsync<InvalidOperationException>(() => ReportLocks.LockAsync(db, "JD-01", 2024, false, "审核人乙", ct));

            // The 更正版 is version 2; version 1 is kept as filed.
            test.Clock.Advance(TimeSpan.FromDays(3));
            var restated = await ReportLocks.LockAsync(db, "JD-01", 2024, false, "分管领导丙", ct, restate: true);
            Assert.Equal(4, restated.Requests!["received"]![6]);
            Assert.Equal(4, (await ReportLocks.FiledAsync(db, "JD-01", 2024, ct))!.Requests!["received"]![6]);
            Assert.Equal(3, (await ReportLocks.FiledAsync(db, "JD-01", 2024, ct, version: 1))!.Requests!["received"]![6]);
            var latest = (await ReportLocks.FindAsync(db, "JD-01", 2024, ct))!;
            Assert.Equal(2, latest.Version);
            Assert.Empty(latest.Restatement);
            var first = Assert.Single(latest.EarlierVersions);
            Assert.Equal("审核人乙", first.LockedBy);
            Assert.Equal(TimeSpan.FromDays(3), latest.LockedAtUtc - first.LockedAtUtc);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Trace_ListsTheCasesBehindACell(string provider)
    {
        var (test, db, _) = await NewAsync(provider);
        using (test)
        using (db)
        {
            var ct = TestContext.Current.CancellationToken;
            Assert.Equal(["GK-1", "GK-2"], await RecordsReport.TraceAsync(db, "JD-01", 2024, false, "disclosed", ApplicantType.Natural, ct));
            Assert.Equal(["GK-0"], await RecordsReport.TraceAsync(db, "JD-01", 2024, false, "partlyDisclosed", null, ct));
            Assert.Empty(await RecordsReport.TraceAsync(db, "JD-01", 2024, false, "disclosed", ApplicantType.Legal, ct));
            Assert.Equal(3, (await RecordsReport.TraceAsync(db, "JD-01", 2024, false, "received", null, ct)).Count);
        }
    }
}
