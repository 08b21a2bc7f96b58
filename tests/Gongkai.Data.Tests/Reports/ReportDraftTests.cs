using Gongkai.Core.Reports;
using Gongkai.Data.Reports;

namespace Gongkai.Data.Tests.Reports;

public class ReportDraftTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EditedNarrative_ReplacesTheDraft_IsFiledWithTheLock_AndIsFrozenAfter(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        using var test = new TestDatabase(provider);
        using var db = await test.OpenWithAgencyAsync();
        var drafted = await RecordsReport.BuildAsync(db, "JD-01", 2025, ct: ct);
        Assert.NotNull(drafted.Sections.Overview);

        await ReportDrafts.SaveAsync(db, "JD-01", 2025, new ReportNarrative("本年度总体情况（修改）", "问题", "其他"), "王经办", ct);
        await ReportDrafts.SaveAsync(db, "JD-01", 2025, new ReportNarrative("本年度总体情况（再改）", "问题", "本年度未收取信息处理费。"), "王经办", ct);
        Assert.Equal("本年度总体情况（再改）", (await RecordsReport.BuildAsync(db, "JD-01", 2025, ct: ct)).Sections.Overview);

        var filed = await ReportLocks.LockAsync(db, "JD-01", 2025, false, "孙分管", ct);
        Assert.Equal("本年度未收取信息处理费。", filed.Sections.Other);
        await Assert.ThrowsAsync<InvalidOperationException>(() => ReportDrafts.SaveAsync(db, "JD-01", 2025, new ReportNarrative("迟到的修改"), "王经办", ct));
        Assert.Equal(2, db.Audit.Count(a => a.Action == "narrative-edited"));
        Assert.Equal("本年度总体情况（再改）", (await ReportLocks.FindAsync(db, "JD-01", 2025, ct))!.Filed.Sections.Overview);
    }
}
