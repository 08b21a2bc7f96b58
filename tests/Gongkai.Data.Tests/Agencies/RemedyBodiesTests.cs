using Gongkai.Data.Agencies;

namespace Gongkai.Data.Tests.Agencies;

public class RemedyBodiesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ADepartment_NamesItsGovernmentForReconsideration_AndInheritsTheCourt_UnlessItsOwnSettingsSayOtherwise()
    {
        using var test = new TestDatabase("sqlite");
        await using var db = test.Open();
        var directory = new AgencyDirectory(db);
        Assert.Empty(await directory.SaveAsync(new AgencyInput("BGQ", "北关区人民政府", null, null, ReconsiderationBody: "石家庄市人民政府", Court: "石家庄市北关区人民法院"), "测试", Ct));
        Assert.Empty(await directory.SaveAsync(new AgencyInput("BGQ-05", "北关区灯塔路街道办事处", "BGQ", null), "测试", Ct));
        Assert.Empty(await directory.SaveAsync(new AgencyInput("BGQ-07", "北关区税务局", "BGQ", null, ReconsiderationBody: "石家庄市税务局", Court: "石家庄铁路运输法院"), "测试", Ct));
        Assert.Empty(await directory.SaveAsync(new AgencyInput("ROOT2", "某县人民政府", null, null), "测试", Ct));

        Assert.Equal(("石家庄市人民政府", "石家庄市北关区人民法院"), await directory.RemedyBodiesAsync("BGQ", Ct));
        Assert.Equal(("北关区人民政府", "石家庄市北关区人民法院"), await directory.RemedyBodiesAsync("BGQ-05", Ct));
        Assert.Equal(("石家庄市税务局", "石家庄铁路运输法院"), await directory.RemedyBodiesAsync("BGQ-07", Ct));
        Assert.Equal(((string?)null, (string?)null), await directory.RemedyBodiesAsync("ROOT2", Ct)); // nothing known: named by nobody rather than wrongly
    }
}
