using Gongkai.Core.Cases;
using Gongkai.Core.Statute;
using Gongkai.Data.Cases;
using Gongkai.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Tests.Cases;

public class CaseStoreTests
{
    private static async Task<(TestDatabase Test, GongkaiDbContext Db, CaseStore Store)> NewAsync(string provider)
    {
        var test = new TestDatabase(provider);
        var db = await test.OpenWithAgencyAsync();
        return (test, db, new CaseStore(db));
    }

    private static NewApplication Application(string number) =>
        new(number, "JD-01", ApplicantType.Natural, ReceiptChannel.Online, new DateOnly(2024, 3, 1), "张三", "13800000000", "2023年老旧小区改造项目清单");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Ledger_RoundTripsThroughStorage(string provider)
    {
        var (test, db, store) = await NewAsync(provider);
        using (test)
        using (db)
        {
            var ct = TestContext.Current.CancellationToken;
            await store.AddAsync(Application("GK-1"), "经办人甲", ct);
            await store.AppendAsync("GK-1", new CorrectionRequested(new DateOnly(2024, 3, 5), 10, "请写明项目名称"), "经办人甲", ct);
            await store.AppendAsync("GK-1", new CorrectionReceived(new DateOnly(2024, 3, 20)), "经办人甲", ct);
            await store.AppendAsync("GK-1", new Decided(new DateOnly(2024, 4, 10), Outcome.PartlyDisclosed), "经办人甲", ct);

            using var fresh = test.Open();
            var record = await new CaseStore(fresh).LoadAsync("GK-1", ct);
            Assert.NotNull(record);
            Assert.Equal(CaseStatus.Decided, record.Ledger.Status);
            Assert.Equal(Outcome.PartlyDisclosed, record.CountedOutcome);
            Assert.Equal(new DateOnly(2024, 4, 18), Core.Deadlines.CaseDeadlines.AnswerDue(record.Ledger)!.Date);
            Assert.Equal(new CorrectionRequested(new DateOnly(2024, 3, 5), 10, "请写明项目名称"), record.Ledger.CorrectionRequest);
            Assert.Equal(4, await fresh.Audit.CountAsync(ct));
            // Rows and audit entries are stamped by the injected clock, not the wall clock.
            var stamped = test.Clock.GetUtcNow().UtcDateTime;
            Assert.All(await fresh.Audit.Select(a => a.AtUtc).ToListAsync(ct), at => Assert.Equal(stamped, at, TimeSpan.FromSeconds(1)));
            Assert.All(await fresh.CaseEvents.Select(e => e.RecordedAtUtc).ToListAsync(ct), at => Assert.Equal(stamped, at, TimeSpan.FromSeconds(1)));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task IllegalEvent_IsRefusedAndNothingIsWritten(string provider)
    {
        var (test, db, store) = await NewAsync(provider);
        using (test)
        using (db)
        {
            var ct = TestContext.Current.CancellationToken;
            await store.AddAsync(Application("GK-2"), "经办人甲", ct);
            await store.AppendAsync("GK-2", new CorrectionRequested(new DateOnly(2024, 3, 5)), "经办人甲", ct);
            var e = await Assert.ThrowsAsync<LedgerException>(() => store.AppendAsync("GK-2", new Decided(new DateOnly(2024, 3, 8), Outcome.Disclosed), "经办人甲", ct));
            Assert.Contains("补正", e.Message, StringComparison.Ordinal);

            using var fresh = test.Open();
            Assert.Equal(2, await fresh.CaseEvents.CountAsync(ct));
            Assert.Equal(2, await fresh.Audit.CountAsync(ct));
        }
    }
}
