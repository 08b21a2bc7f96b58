using Gongkai.Core.Cases;
using Gongkai.Core.Reports;
using Gongkai.Data.Cases;
using Gongkai.Data.Model;
using Gongkai.Data.Reports;
using Gongkai.Testing;

namespace Gongkai.Data.Tests.Reports;

public class RecordsReportTests
{
    /// <summary>The 2019 edition's figures for 2019–2020 (a negative 本年增/减 included).</summary>
    private static LegacyProactiveCounts? Legacy(int year) =>
        year <= 2020 ? new LegacyProactiveCounts(40, -3, 12, 2, 30, 25, 1, 6, 0, 5, -1, 2, 35.5000m) : null;

    /// <summary>The issue's example: a 复议 filed 2024-11-01 and decided 纠正 on 2025-02-01 — 尚未审结 in 2024, 纠正 in 2025.</summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AppealDecidedInTheNextYear_IsPendingInTheFirstAndCountedWithItsResultInTheSecond(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var appeals = new[]
        {
            new AppealRecord(null, AppealKind.Reconsideration, new DateOnly(2024, 11, 1), AppealResult.Corrected, new DateOnly(2025, 2, 1)),
            new AppealRecord(null, AppealKind.LitigationDirect, new DateOnly(2023, 6, 1), AppealResult.Upheld, new DateOnly(2025, 5, 1)), // pending through 2024
            new AppealRecord(null, AppealKind.LitigationDirect, new DateOnly(2024, 3, 1), AppealResult.Other, new DateOnly(2024, 6, 1)),  // within 2024 only
        };
        using var test = new TestDatabase(provider);
        using (var db = await test.OpenWithAgencyAsync())
        {
            var store = new Gongkai.Data.Records.RecordStore(db);
            foreach (var a in appeals)
            {
                await store.AddAppealAsync("JD-01", a, "测试", ct);
            }
        }

        foreach (var (year, reconsideration, litigation) in new[]
                 {
                     (2023, new int?[] { 0, 0, 0, 0, 0 }, new int?[] { 0, 0, 0, 1, 1 }),
                     (2024, new int?[] { 0, 0, 0, 1, 1 }, new int?[] { 0, 0, 1, 0, 1 }),
                     (2025, new int?[] { 0, 1, 0, 0, 1 }, new int?[] { 1, 0, 0, 0, 1 }),
                 })
        {
            using var db = test.Open();
            var fromSql = await RecordsReport.TablesAsync(db, "JD-01", year, ct: ct);
            var reference = ReportFromRecords.Build("北关区灯塔路街道办事处", year, [], appeals, [], null);
            Assert.Equal(reconsideration, fromSql.Appeals![AppealCounting.GroupOf(AppealKind.Reconsideration)]);
            Assert.Equal(litigation, fromSql.Appeals[AppealCounting.GroupOf(AppealKind.LitigationDirect)]);
            Assert.Equal(reconsideration, reference.Appeals![AppealCounting.GroupOf(AppealKind.Reconsideration)]);
            Assert.Equal(litigation, reference.Appeals[AppealCounting.GroupOf(AppealKind.LitigationDirect)]);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SqlAggregation_EqualsTheInMemoryReference(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var random = new Random(17);
        var apps = CaseHistoryGenerator.Applications(random, 400, 2020, 2024);
        var appeals = CaseHistoryGenerator.Appeals(random, apps, 30);
        var docs = CaseHistoryGenerator.Normative(random, 40, 2020, 2024);

        using var test = new TestDatabase(provider);
        using (var db = test.Open())
        {
            db.Agencies.Add(new AgencyRow { Id = "QZF", Name = "北关区人民政府" });
            db.Agencies.Add(new AgencyRow { Id = "JD-01", Name = "北关区灯塔路街道办事处", ParentId = "QZF" });
            db.Appeals.AddRange(appeals.Select(a => new AppealRow
            {
                AgencyId = "JD-01", ApplicationTrackingNumber = a.ApplicationTrackingNumber, Kind = (int)a.Kind, FiledOn = a.FiledOn,
                Result = a.Result is null ? null : (int)a.Result, DecidedOn = a.DecidedOn,
            }));
            db.NormativeDocuments.AddRange(docs.Select(d => new NormativeRow { AgencyId = "JD-01", Title = d.Title, Kind = (int)d.Kind, IssuedOn = d.IssuedOn, RepealedOn = d.RepealedOn }));
            for (var year = 2020; year <= 2024; year++)
            {
                var row = new ProactiveYearRow { AgencyId = "JD-01", Year = year, Licensing = year, Penalties = 3, Enforcement = 1, FeesAmount = 0.1250m };
                if (Legacy(year) is { } l)
                {
                    (row.LicensingPrevious, row.LicensingChange, row.OtherServicesPrevious, row.OtherServicesChange, row.OtherServicesDecisions) =
                        (l.LicensingPrevious, l.LicensingChange, l.OtherServicesPrevious, l.OtherServicesChange, l.OtherServicesDecisions);
                    (row.PenaltiesPrevious, row.PenaltiesChange, row.EnforcementPrevious, row.EnforcementChange) = (l.PenaltiesPrevious, l.PenaltiesChange, l.EnforcementPrevious, l.EnforcementChange);
                    (row.FeesPrevious, row.FeesChange, row.ProcurementProjects, row.ProcurementAmount) = (l.FeesPrevious, l.FeesChange, l.ProcurementProjects, l.ProcurementAmount);
                }

                db.ProactiveYears.Add(row);
            }

            await db.SaveChangesAsync(ct);
            await new CaseStore(db).ImportAsync("JD-01", apps, "测试", ct);
        }

        for (var year = 2020; year <= 2024; year++)
        {
            using var db = test.Open();
            var fromSql = await RecordsReport.TablesAsync(db, "QZF", year, includeSubordinates: true, ct);
            var reference = ReportFromRecords.Build("北关区人民政府", year, apps, appeals, docs, new ProactiveYear(year, year, 3, 1, 0.1250m, Legacy(year)));
            Assert.Equal(AnnualReportJson.Write(reference), AnnualReportJson.Write(fromSql));

            var alone = await RecordsReport.BuildAsync(db, "QZF", year, includeSubordinates: false, ct);
            Assert.Equal(0, alone.Requests!["received"]![6]);

            var drafted = await RecordsReport.BuildAsync(db, "QZF", year, includeSubordinates: true, ct);
            Assert.Contains($"共收到政府信息公开申请{reference.Requests!["received"]![6]}件", drafted.Sections.Overview, StringComparison.Ordinal);
            Assert.DoesNotContain(Gongkai.Core.Reports.Rules.ReportChecker.Check(drafted), d => d.Severity == Gongkai.Core.Reports.Rules.Severity.Error);
            Assert.DoesNotContain(Gongkai.Core.Reports.Rules.ReportChecker.Check(drafted), d => d.Code == "blank-cell"); // 2020 too: the 2019 figures are recorded
        }
    }
}
