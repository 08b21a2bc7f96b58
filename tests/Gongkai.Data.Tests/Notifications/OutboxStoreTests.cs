using Gongkai.Core.Cases;
using Gongkai.Core.Notifications;
using Gongkai.Core.Statute;
using Gongkai.Data.Cases;
using Gongkai.Data.Model;
using Gongkai.Data.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Tests.Notifications;

public class OutboxStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EachStepQueuesItsMessagesOnce_AndAClaimedMessageIsNobodyElses(string provider)
    {
        using var test = new TestDatabase(provider);
        using var db = await test.OpenWithAgencyAsync();
        var received = new DateOnly(2026, 11, 2);
        await new CaseStore(db).AddAsync(new NewApplication("OB-1", "JD-01", ApplicantType.Natural, ReceiptChannel.Online, received, "张三", "13800000000", "某信息",
            Email: "zhang@example.com", NotifyBy: NotifyBy.Email | NotifyBy.Sms), "测试", Ct);
        await new CaseStore(db).AddAsync(new NewApplication("OB-2", "JD-01", ApplicantType.Natural, ReceiptChannel.Online, received, "李四", "0311-66668888", "某信息",
            NotifyBy: NotifyBy.Email | NotifyBy.Sms), "测试", Ct); // no email, no mobile: nothing to queue
        await new CaseStore(db).AppendAsync("OB-1", new Decided(received, Outcome.Disclosed), "测试", Ct);
        // A second 答复 is refused by the ledger: it queues nothing either.
        await Assert.ThrowsAsync<LedgerException>(() => new CaseStore(db).AppendAsync("OB-1", new Decided(received, Outcome.Disclosed), "测试", Ct));

        using var fresh = test.Open();
        var rows = await fresh.Outbox.OrderBy(o => o.Id).ToListAsync(Ct);
        Assert.Equal(["case:OB-1:0:email", "case:OB-1:0:sms", "case:OB-1:1:email", "case:OB-1:1:sms"], rows.Select(r => r.Key).ToArray());
        Assert.All(rows, r => Assert.Equal((int)OutboxStatus.Pending, r.Status));

        var store = new OutboxStore(fresh);
        var first = await store.ClaimDueAsync(10, Ct);
        Assert.Equal(4, first.Count);
        using var other = test.Open();
        Assert.Empty(await new OutboxStore(other).ClaimDueAsync(10, Ct));

        await store.SentAsync(first[0].Id, "主题", "正文", Ct);
        await store.FailedAsync(first[1], "550 <zhang@example.com> rejected", Ct);
        await store.SkippedAsync(first[2].Id, "未配置", Ct);
        using var after = test.Open();
        var states = await after.Outbox.OrderBy(o => o.Id).Select(o => new { o.Status, o.Attempts, o.NextAttemptAtUtc, o.ClaimedUntilUtc }).ToListAsync(Ct);
        Assert.Equal((int)OutboxStatus.Sent, states[0].Status);
        Assert.Equal((int)OutboxStatus.Pending, states[1].Status);
        Assert.Equal(1, states[1].Attempts);
        Assert.Null(states[1].ClaimedUntilUtc);
        Assert.True(states[1].NextAttemptAtUtc > test.Clock.GetUtcNow().UtcDateTime);
        Assert.Equal((int)OutboxStatus.Skipped, states[2].Status);
    }

    [Fact]
    public void Backoff_Doubles_FromOneMinute_UpToSixHours()
    {
        Assert.Equal(TimeSpan.FromMinutes(1), OutboxStore.Backoff(1));
        Assert.Equal(TimeSpan.FromMinutes(2), OutboxStore.Backoff(2));
        Assert.Equal(TimeSpan.FromMinutes(64), OutboxStore.Backoff(7));
        Assert.Equal(TimeSpan.FromHours(6), OutboxStore.Backoff(20));
    }
}
