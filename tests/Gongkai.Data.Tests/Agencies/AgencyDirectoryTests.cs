using Gongkai.Data.Agencies;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Tests.Agencies;

public class AgencyDirectoryTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Agencies_AreCheckedAndAudited(string provider)
    {
        using var test = new TestDatabase(provider);
        using var db = test.Open();
        var ct = TestContext.Current.CancellationToken;
        var directory = new AgencyDirectory(db);
        Assert.Empty(await directory.SaveAsync(new AgencyInput("QZF", "北关区人民政府", null, "11370812004339255B", Phone: "0311-1234567"), "管理员", ct));
        Assert.Empty(await directory.SaveAsync(new AgencyInput("JD-01", "灯塔路街道办事处", "QZF", null), "管理员", ct));

        var bad = await directory.SaveAsync(new AgencyInput("JD-02", "", "NOPE", "11370812004339255C"), "管理员", ct);
        Assert.Equal(["creditCode", "name", "parentId"], bad.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("校验码", bad["creditCode"], StringComparison.Ordinal);

        var cycle = await directory.SaveAsync(new AgencyInput("QZF", "北关区人民政府", "JD-01", null), "管理员", ct);
        Assert.Contains("成环", cycle["parentId"], StringComparison.Ordinal);

        Assert.Empty(await directory.SaveAsync(new AgencyInput("JD-01", "北关区灯塔路街道办事处", "QZF", null, OfficeHours: "周一至周五"), "管理员", ct));
        using var fresh = test.Open();
        Assert.Equal("北关区灯塔路街道办事处", (await fresh.Agencies.SingleAsync(a => a.Id == "JD-01", ct)).Name);
        Assert.Equal(["created", "created", "updated"], await fresh.Audit.Where(a => a.Entity == "agency").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(ct));
    }
}
