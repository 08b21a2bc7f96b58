using Gongkai.Data.Cases;
using Gongkai.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Tests.Cases;

public class CaseCsvImportTests
{
    private const string Header = "tracking_number,agency_id,applicant_type,channel,received_on,applicant_name,phone,description,id_number,credit_code,decided_on,outcome";

    private static async Task<(TestDatabase, GongkaiDbContext)> NewAsync(string provider)
    {
        var test = new TestDatabase(provider);
        return (test, await test.OpenWithAgencyAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ValidFile_IsImportedWithLedgers(string provider)
    {
        var (test, db) = await NewAsync(provider);
        using (test)
        using (db)
        {
            var csv = string.Join('\n', Header,
                "GK-1,JD-01,自然人,网络,2024-03-01,张三,13800000000,\"关于2023年老旧小区改造的清单，含附件\",11010519491231002X,,2024-03-20,disclosed",
                "GK-2,JD-01,商业企业,邮寄-挂号,2024-12-30,某某公司,0311-1234567,企业名录,,11370812004339255B,,");
            var (imported, errors) = await CaseCsvImport.ImportAsync(db, new StringReader(csv), "测试", TestContext.Current.CancellationToken);
            Assert.Empty(errors);
            Assert.Equal(2, imported);
            using var fresh = test.Open();
            var record = await new CaseStore(fresh).LoadAsync("GK-1", TestContext.Current.CancellationToken);
            Assert.Equal(Gongkai.Core.Statute.Outcome.Disclosed, record!.CountedOutcome);
            Assert.Equal("关于2023年老旧小区改造的清单，含附件", (await fresh.Applications.SingleAsync(a => a.TrackingNumber == "GK-1", TestContext.Current.CancellationToken)).Description);
        }
    }

    /// <summary>Every receipt channel, by code and by label, in CSV → database → ledger, and every event kind's code as stored.</summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryChannel_ByCodeOrLabel_RoundTripsThroughCsvAndTheDatabase(string provider)
    {
        var (test, db) = await NewAsync(provider);
        using (test)
        using (db)
        {
            var terms = Gongkai.Core.Vocabulary.Vocabularies.Channels.Terms;
            var lines = terms.SelectMany((t, i) => new[]
            {
                $"C-{i}-code,JD-01,自然人,{t.Code},2024-03-01,张三,13800000000,某信息,,,2024-03-20,disclosed",
                $"C-{i}-label,JD-01,自然人,{t.Label},2024-03-01,张三,13800000000,某信息,,,,",
            });
            var (imported, errors) = await CaseCsvImport.ImportAsync(db, new StringReader(string.Join('\n', [Header, .. lines])), "测试", TestContext.Current.CancellationToken);
            Assert.Empty(errors);
            Assert.Equal(terms.Count * 2, imported);
            using var fresh = test.Open();
            var store = new CaseStore(fresh);
            for (var i = 0; i < terms.Count; i++)
            {
                foreach (var form in new[] { "code", "label" })
                {
                    var record = await store.LoadAsync($"C-{i}-{form}", TestContext.Current.CancellationToken);
                    Assert.Equal(terms[i].Value, record!.Ledger.Receipt.Channel);
                }
            }

            var kinds = await fresh.CaseEvents.Select(e => e.Kind).Distinct().ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal(new[] { Gongkai.Core.Cases.CaseEventCodes.Received, Gongkai.Core.Cases.CaseEventCodes.Decided }.Order(), kinds.Order());
        }
    }

    [Fact]
    public void Parse_KeepsQuotedCommasQuotesAndLineBreaks_AndTheLineEachRecordStartsOn()
    {
        var rows = CaseCsvImport.Parse(new StringReader("\uFEFFa,b\n\"x, \"\"y\"\"\",\"two\nlines\"\n\nlast,row"));
        Assert.Equal([1, 2, 4, 5], rows.Select(r => r.Line));
        Assert.Equal(["a", "b"], rows[0].Fields);
        Assert.Equal(["x, \"y\"", "two\nlines"], rows[1].Fields);
        Assert.Equal([""], rows[2].Fields); // a blank line: one empty field, skipped by the importers
        Assert.Equal(["last", "row"], rows[3].Fields);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BadRows_AreReportedByLineAndColumn_AndNothingIsStored(string provider)
    {
        var (test, db) = await NewAsync(provider);
        using (test)
        using (db)
        {
            var csv = string.Join('\n', Header,
                "GK-1,JD-01,自然人,网络,2024-03-01,张三,138,描述,,,,",
                "GK-2,JD-09,法人,微信,2024-02-30,李四,139,描述,110105194912310021,,2024-01-01,disclosed",
                "GK-1,JD-01,自然人,当面,2024-03-02,王五,137,描述,,,2024-03-05,",
                "GK-4,JD-01,其他,传真,2024-03-02,赵六,136,描述,,,2024-02-01,withheld.stateSecret");
            var (imported, errors) = await CaseCsvImport.ImportAsync(db, new StringReader(csv), "测试", TestContext.Current.CancellationToken);
            Assert.Equal(0, imported);
            var lines = errors.Select(e => (e.Line, e.Column)).ToArray();
            Assert.Contains((3, "agency_id"), lines);
            Assert.Contains((3, "applicant_type"), lines);
            Assert.Contains((3, "channel"), lines);
            Assert.Contains((3, "received_on"), lines);
            Assert.Contains((3, "id_number"), lines);
            Assert.Contains((4, "tracking_number"), lines);
            Assert.Contains((4, "outcome"), lines);
            Assert.Contains((5, "decided_on"), lines); // decided before received: refused by the ledger
            Assert.DoesNotContain(errors, e => e.Line == 2);
            Assert.Contains("第 3 行「agency_id」", errors.First(e => e.Line == 3).ToString(), StringComparison.Ordinal);
            using var fresh = test.Open();
            Assert.Equal(0, await fresh.Applications.CountAsync(TestContext.Current.CancellationToken));
        }
    }

    [Fact]
    public void Parser_HandlesQuotesCommasAndLineBreaks()
    {
        var rows = CaseCsvImport.Parse(new StringReader("\uFEFFa,\"b,\"\"c\"\"\",d\n\"x\ny\",2,3\n"));
        Assert.Equal(["a", "b,\"c\"", "d"], rows[0].Fields);
        Assert.Equal(["x\ny", "2", "3"], rows[1].Fields);
        Assert.Equal(2, rows[1].Line);
    }
}
