using Gongkai.Core.Publishing;
using Gongkai.Data.Model;
using Gongkai.Data.Publishing;

namespace Gongkai.Data.Tests.Publishing;

public class PublicationStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Actor _clerk = new("u1", "王经办", [StaffRoles.Clerk]);
    private static readonly Actor _clerk2 = new("u2", "李经办", [StaffRoles.Clerk]);
    private static readonly Actor _reviewer = new("u3", "赵审核", [StaffRoles.Reviewer]);
    private static readonly Actor _reviewer2 = new("u4", "钱审核", [StaffRoles.Reviewer]);
    private static readonly Actor _leader = new("u5", "孙分管", [StaffRoles.Leader]);

    private static async Task<PublicationRow> PublishAsync(PublicationStore store, string title, string body, int category = 11, string? area = null)
    {
        var row = await store.DraftAsync(new PublicationInput("JD-01", title, body, category, area, null, null, new DateOnly(2026, 3, 2)), _clerk, ct: Ct);
        var day = new DateOnly(2026, 3, 3);
        await store.AdvanceAsync(row.Id, ReviewStep.SecrecyChecked, _reviewer, day, Ct);
        await store.AdvanceAsync(row.Id, ReviewStep.Reviewed, _reviewer2, day, Ct);
        await store.AdvanceAsync(row.Id, ReviewStep.Signed, _leader, day, Ct);
        await store.AdvanceAsync(row.Id, ReviewStep.Published, _clerk2, day, Ct);
        return row;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_FindsChineseTermsOfAnyLength_InPublishedItemsOnly(string provider)
    {
        using var test = new TestDatabase(provider);
        using var db = await test.OpenWithAgencyAsync();
        var store = new PublicationStore(db);
        await PublishAsync(store, "城乡居民最低生活保障审批结果公示", "本季度新纳入低保12户，停保3户。", area: "社会救助");
        await PublishAsync(store, "社区居家养老服务中心收费标准", "助餐服务每餐12元。", area: "养老服务");
        await PublishAsync(store, "2025年部门决算", "收入总计3256.7万元。", category: 7);
        await store.DraftAsync(new PublicationInput("JD-01", "尚未发布的养老补贴方案", "草稿", 11, null, null, null, new DateOnly(2026, 3, 2)), _clerk, ct: Ct);

        async Task<string[]> Titles(string? text, int? category = null, string? area = null) =>
            (await PublicationSearch.SearchAsync(db, new SearchQuery(text, category, area), Ct)).Items.Select(i => i.Title).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(["社区居家养老服务中心收费标准"], await Titles("养老服务"));
        Assert.Equal(["社区居家养老服务中心收费标准"], await Titles("养老"));
        Assert.Equal(["城乡居民最低生活保障审批结果公示"], await Titles("低保"));
        Assert.Equal(["城乡居民最低生活保障审批结果公示"], await Titles("最低生活保障 停保"));
        Assert.Empty(await Titles("最低生活保障 助餐"));
        Assert.Equal(["城乡居民最低生活保障审批结果公示", "社区居家养老服务中心收费标准"], await Titles("12"));
        Assert.Equal(["2025年部门决算"], await Titles("决算", category: 7));
        Assert.Empty(await Titles("决算", category: 11));
        Assert.Equal(["社区居家养老服务中心收费标准"], await Titles(null, area: "养老服务"));
        Assert.Empty(await Titles("100%_\\\"'"));
        Assert.Empty(await Titles("养老补贴方案"));
        Assert.Equal(3, (await PublicationSearch.SearchAsync(db, new SearchQuery(null), Ct)).Total);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_WithinOneAgency_FindsOnlyItsItems_ByTheIndex(string provider)
    {
        using var test = new TestDatabase(provider);
        using var db = await test.OpenWithAgencyAsync();
        string[] others = ["JD-011", "区-02"]; // one whose id starts with another's, one not ASCII
        db.Agencies.AddRange(others.Select(a => new AgencyRow { Id = a, Name = "机关" + a }));
        var day = new DateOnly(2026, 1, 5);
        var agencyOf = new[] { "JD-01", "JD-011", "区-02" };
        db.Publications.AddRange(Enumerable.Range(1, 60).Select(i => new PublicationRow
        {
            AgencyId = agencyOf[i % 3], IndexNumber = $"X/2026-{i:D5}", Title = $"养老服务情况第{i}期", Body = i % 2 == 0 ? "社区助餐" : "上门服务",
            Category = 1, WrittenOn = day, PublishedOn = i == 3 ? null : day, Validity = "有效",
        }));
        await db.SaveChangesAsync(Ct);

        async Task<(int Total, string Agencies)> SearchAsync(string text, string agency)
        {
            var found = await PublicationSearch.SearchAsync(db, new SearchQuery(text, AgencyId: agency, PageSize: 50), Ct);
            return (found.Total, string.Join(',', found.Items.Select(i => i.AgencyId).Distinct()));
        }

        Assert.Equal((19, "JD-01"), await SearchAsync("养老服务", "JD-01")); // 20 of its items, one not published
        Assert.Equal((20, "JD-011"), await SearchAsync("养老服务", "JD-011"));
        Assert.Equal((10, "区-02"), await SearchAsync("养老 社区", "区-02"));
        Assert.Equal((0, ""), await SearchAsync("养老服务", "JD-0"));

        // An item moved to another agency is found there, and no longer where it was.
        var moved = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Publications, p => p.IndexNumber == "X/2026-00001", Ct);
        moved.AgencyId = "JD-01";
        await db.SaveChangesAsync(Ct);
        Assert.Equal(20, (await SearchAsync("养老服务", "JD-01")).Total);
        Assert.Equal(19, (await SearchAsync("养老服务", "JD-011")).Total);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Drafting_AssignsSequentialIndexNumbers_AndTheChainRefusesWrongSteps(string provider)
    {
        using var test = new TestDatabase(provider);
        using var db = await test.OpenWithAgencyAsync();
        var store = new PublicationStore(db);
        var first = await store.DraftAsync(new PublicationInput("JD-01", "甲", "内容", 1, null, null, null, new DateOnly(2026, 5, 1)), _clerk, ct: Ct);
        var second = await store.DraftAsync(new PublicationInput("JD-01", "乙", "内容", 1, null, null, null, new DateOnly(2026, 5, 2)), _clerk, ct: Ct);
        Assert.Equal("JD01/2026-00001", first.IndexNumber); // 前段码 drops the dash, as an 组织机构代码 does
        Assert.Equal("JD01/2026-00002", second.IndexNumber);

        var wrongRole = await Assert.ThrowsAsync<PublicationException>(() => store.AdvanceAsync(first.Id, ReviewStep.SecrecyChecked, _clerk2, new DateOnly(2026, 5, 2), Ct));
        Assert.Contains("审核人", wrongRole.Message, StringComparison.Ordinal);
        var skipped = await Assert.ThrowsAsync<PublicationException>(() => store.AdvanceAsync(first.Id, ReviewStep.Signed, _leader, new DateOnly(2026, 5, 2), Ct));
        Assert.Contains("保密审查", skipped.Message, StringComparison.Ordinal);
        await store.AdvanceAsync(first.Id, ReviewStep.SecrecyChecked, _reviewer, new DateOnly(2026, 5, 2), Ct);
        var twice = await Assert.ThrowsAsync<PublicationException>(() => store.AdvanceAsync(first.Id, ReviewStep.Reviewed, _reviewer, new DateOnly(2026, 5, 2), Ct));
        Assert.Contains("另一人", twice.Message, StringComparison.Ordinal);
        db.ChangeTracker.Clear();
        Assert.Equal(2, db.PublicationSteps.Count(s => s.PublicationId == first.Id));
        Assert.Equal(3, db.Audit.Count(a => a.Entity == "publication"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_CountsExactlyUpToTheLimit_ThenSaysThereAreMore(string provider)
    {
        using var test = new TestDatabase(provider);
        using var db = await test.OpenWithAgencyAsync();
        var day = new DateOnly(2026, 1, 5);
        db.Publications.AddRange(Enumerable.Range(1, PublicationSearch.CountLimit + 5).Select(i => new PublicationRow
        {
            AgencyId = "JD-01", IndexNumber = $"JD01/2026-{i:D5}", Title = $"防汛工作通报第{i}期", Body = i % 2 == 0 ? "低保资金" : "道路巡查",
            Category = 12, WrittenOn = day, PublishedOn = day, Validity = "有效",
        }));
        await db.SaveChangesAsync(Ct);

        var many = await PublicationSearch.SearchAsync(db, new SearchQuery("防汛工作"), Ct);
        Assert.Equal((PublicationSearch.CountLimit, true), (many.Total, many.More));
        Assert.Equal(20, many.Items.Count);
        Assert.Equal("防汛工作通报第1005期", many.Items[0].Title);
        var some = await PublicationSearch.SearchAsync(db, new SearchQuery("低保 通报"), Ct);
        Assert.Equal((502, false), (some.Total, some.More));
        var filtered = await PublicationSearch.SearchAsync(db, new SearchQuery("第100期", Category: 12), Ct);
        Assert.Equal((1, false), (filtered.Total, filtered.More));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task APublishedRevision_ReplacesTheContentInTheSearch_KeepsTheOldVersion_AndRetitlesTheNormativeRecord(string provider)
    {
        using var test = new TestDatabase(provider);
        using var db = await test.OpenWithAgencyAsync();
        var store = new PublicationStore(db);
        var revisions = new RevisionStore(db);
        await new Gongkai.Data.Records.RecordStore(db).AddNormativeAsync("JD-01", new Gongkai.Core.Cases.NormativeRecord("文明养犬管理规定", Gongkai.Core.Cases.NormativeKind.NormativeDocument, new DateOnly(2026, 3, 2)), "测试", Ct);
        var item = await PublishAsync(store, "文明养犬管理规定", "犬只出户须束犬链。");
        await revisions.DraftAsync(item.Id, new RevisionInput("文明养犬管理若干规定", "犬只出户须束犬链，犬链长度不超过1.5米。", null, null, "明确犬链长度"), _clerk, Ct);
        var day = new DateOnly(2026, 4, 1);
        await revisions.AdvanceAsync(item.Id, ReviewStep.SecrecyChecked, _reviewer, day, Ct);
        await revisions.AdvanceAsync(item.Id, ReviewStep.Reviewed, _reviewer2, day, Ct);
        await revisions.AdvanceAsync(item.Id, ReviewStep.Signed, _leader, day, Ct);

        async Task<int> HitsAsync(string text) => (await PublicationSearch.SearchAsync(db, new SearchQuery(text), Ct)).Total;
        Assert.Equal(0, await HitsAsync("犬链长度"));
        var again = await Assert.ThrowsAsync<PublicationException>(() => revisions.DraftAsync(item.Id, new RevisionInput("甲", "乙", null, null, "丙"), _clerk2, Ct));
        Assert.Contains("审核中", again.Message, StringComparison.Ordinal);
        await revisions.AdvanceAsync(item.Id, ReviewStep.Published, _clerk2, day, Ct);

        db.ChangeTracker.Clear();
        Assert.Equal(1, await HitsAsync("犬链长度"));
        Assert.Equal(1, await HitsAsync("养犬管理若干规定"));
        var live = db.Publications.Single(p => p.Id == item.Id);
        Assert.Equal((item.IndexNumber, "文明养犬管理若干规定", (DateOnly?)day), (live.IndexNumber, live.Title, live.RevisedOn));
        var history = Assert.Single(await revisions.OfAsync(item.Id, Ct));
        Assert.Equal(("文明养犬管理规定", "犬只出户须束犬链。", 5), (history.ReplacedTitle, history.ReplacedBody, history.Steps.Count));
        Assert.Equal(["文明养犬管理若干规定"], db.NormativeDocuments.Where(n => n.AgencyId == "JD-01").Select(n => n.Title).ToArray());
        var noneOpen = await Assert.ThrowsAsync<PublicationException>(() => revisions.AdvanceAsync(item.Id, ReviewStep.SecrecyChecked, _reviewer, day, Ct));
        Assert.Contains("没有审核中的修订", noneOpen.Message, StringComparison.Ordinal);
    }
}
