using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Review;
using Gongkai.Core.Reports.Rules;
using Gongkai.Core.Statute;
using Gongkai.Data.Model;
using Gongkai.Data.Review;
using Gongkai.Testing;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Tests.Review;

public class ReviewStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ReadReport Read(AnnualReport report, string file) =>
        new(file, "json", System.Text.Encoding.UTF8.GetBytes(AnnualReportJson.Write(report)), report, CheckContext.Empty, []);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ABatch_KeepsTheFiles_RechecksAcrossYears_AndAProblemGoesThroughItsCorrection(string provider)
    {
        using var test = new TestDatabase(provider);
        using var db = await test.OpenWithAgencyAsync();
        db.Agencies.Add(new AgencyRow { Id = "QZF", Name = "北关区人民政府" });
        await db.SaveChangesAsync(Ct);
        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Id).ToListAsync(Ct);
        var store = new ReviewStore(db);
        var batch = await store.CreateBatchAsync("2025年度审查", 2025, "QZF", "周审查", Ct);

        var before = ReportGenerator.Consistent(new Random(3), Edition.V2021, 2024);
        before.Agency = "北关区灯塔路街道办事处";
        var now = ReportGenerator.FollowOn(before, new Random(4));
        now.Agency = "灯塔路街道办事处"; // named without its district: still matched
        now.Requests!["carriedOver"]![0] += 1;
        now.Requests["carriedOver"]![6] += 1;
        now.Requests["received"]![0] -= 1;
        now.Requests["received"]![6] -= 1; // 一 + 二 still balance: only the carry-over breaks

        var added = await store.AddAsync(batch.Id, Read(now, "本年.json"), agencies, "周审查", ct: Ct);
        Assert.Equal("JD-01", added.AgencyId);
        Assert.Equal(64, added.Sha256!.Length);
        db.ChangeTracker.Clear();
        Assert.DoesNotContain(DiagnosticJson.ReadArray(db.ReviewReports.Single(r => r.Id == added.Id).Diagnostics), d => d.Code == DiagnosticCodes.CarryOver);

        await store.AddAsync(batch.Id, Read(before, "上年.json"), agencies, "周审查", ct: Ct);
        db.ChangeTracker.Clear();
        var rechecked = DiagnosticJson.ReadArray(db.ReviewReports.Single(r => r.Id == added.Id).Diagnostics);
        var index = rechecked.ToList().FindIndex(d => d.Code == DiagnosticCodes.CarryOver);
        Assert.True(index >= 0, string.Join("\n", rechecked.Select(d => d.Code)));

        var problem = await store.AddProblemAsync(added.Id, index, null, null, "周审查", Ct);
        Assert.Equal(("JD-01", DiagnosticCodes.CarryOver, (int)ProblemState.Open), (problem.AgencyId, problem.Code, problem.State));
        var notOwn = await Assert.ThrowsAsync<ReviewException>(() => store.AnswerAsync(problem.Id, false, ProblemAnswer.Explained, "说明", null, "外人", Ct));
        Assert.Contains("被审查机关", notOwn.Message, StringComparison.Ordinal);
        await store.AnswerAsync(problem.Id, true, ProblemAnswer.Explained, "上年结转以本年核实数为准", null, "王经办", Ct);
        await store.ReviewAsync(problem.Id, true, false, "须与上年年报一致，请更正", "周审查", Ct);
        var corrected = AnnualReportJson.Read(AnnualReportJson.Write(now));
        corrected.Requests!["carriedOver"] = before.Requests!["carriedForward"];
        var fixedReport = await store.AddAsync(batch.Id, Read(corrected, "本年-更正版.json"), agencies, "王经办", added.Id, Ct);
        await store.AnswerAsync(problem.Id, true, ProblemAnswer.Corrected, "已按上年结转下年度数更正", fixedReport.Id, "王经办", Ct);
        await store.ReviewAsync(problem.Id, true, true, null, "周审查", Ct);

        db.ChangeTracker.Clear();
        var closed = db.ReviewProblems.Single(p => p.Id == problem.Id);
        Assert.Equal(((int)ProblemState.Closed, fixedReport.Id, "周审查"), (closed.State, closed.CorrectedReportId, closed.ClosedBy));
        Assert.Equal(fixedReport.Id, ReviewStore.Current(await store.ReportsAsync(batch.Id, Ct), "JD-01", 2025)!.Id);
        Assert.Equal(["created", "answered", "returned", "answered", "closed"],
            db.Audit.Where(a => a.Entity == "review-problem").OrderBy(a => a.Id).Select(a => a.Action).ToArray());
    }
}
