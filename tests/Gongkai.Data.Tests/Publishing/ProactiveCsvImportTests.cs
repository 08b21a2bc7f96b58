using Gongkai.Data.Model;
using Gongkai.Data.Publishing;
using Gongkai.Data.Reports;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Tests.Publishing;

public class ProactiveCsvImportTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task YearlyCounts_FlowIntoTable2_AndBadRowsStoreNothing(string provider)
    {
        using var test = new TestDatabase(provider);
        using var db = await test.OpenWithAgencyAsync();
        var ct = TestContext.Current.CancellationToken;

        var bad = "agency_id,year,licensing,penalties,enforcement,fees_amount\nJD-01,2024,12,x,0,1.5\nJD-09,2024,1,1,1,1\n";
        var (none, errors) = await ProactiveCsvImport.ImportAsync(db, new StringReader(bad), "测试", ct);
        Assert.Equal(0, none);
        Assert.Equal([(2, "penalties"), (3, "agency_id")], errors.Select(e => (e.Line, e.Column)));
        Assert.Equal(0, await db.ProactiveYears.CountAsync(ct));

        var good = "agency_id,year,licensing,penalties,enforcement,fees_amount\nJD-01,2024,12,7,1,1.2500\n";
        var (imported, noErrors) = await ProactiveCsvImport.ImportAsync(db, new StringReader(good), "测试", ct);
        Assert.Empty(noErrors);
        Assert.Equal(1, imported);
        using var fresh = test.Open();
        var report = await RecordsReport.BuildAsync(fresh, "JD-01", 2024, false, ct);
        Assert.Equal([12m], report.Proactive!["licensing"]!);
        Assert.Equal([7m], report.Proactive["penalties"]!);
        Assert.Equal(1.25m, report.Proactive.Cell("fees", "amount"));
    }
}
