using System.Security.Cryptography;
using System.Text.Json;
using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Review;
using Gongkai.Core.Reports.Rules;
using Gongkai.Core.Statute;
using Gongkai.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Review;

/// <summary>What a reader made of a file, as the store keeps it (Data does not read files: the caller does).</summary>
public sealed record ReadReport(string FileName, string Form, byte[]? Content, AnnualReport? Report, CheckContext Context, IReadOnlyList<Diagnostic> ReaderDiagnostics, DateOnly? PublishedOn = null);

/// <summary>A refused step of the review; the message is zh-CN and says why.</summary>
public sealed class ReviewException(string message) : Exception(message);

/// <summary>
/// 年报审查 kept (issue 20): batches of reports — uploaded files stored as evidence with their SHA-256, or reports locked
/// on the platform — with the data read and every diagnostic, recomputed for the whole batch whenever it changes (a
/// previous year's report enables the cross-year checks); and the 问题清单, each problem through its 整改
/// (<see cref="ReviewProblems"/>). Every step is audited.
/// </summary>
public sealed class ReviewStore(GongkaiDbContext db)
{
    public async Task<ReviewBatchRow> CreateBatchAsync(string name, int year, string agencyId, string actor, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 200)
        {
            throw new ReviewException("请填写批次名称（200 字以内）");
        }

        if (year is < 2008 or > 2100)
        {
            throw new ReviewException("年度应为 2008 年以后的四位年份");
        }

        var batch = new ReviewBatchRow { Name = name.Trim(), Year = year, AgencyId = agencyId, CreatedBy = actor };
        db.ReviewBatches.Add(batch);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        db.Audit.Add(AuditRow.Of(actor, "review-batch", batch.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "created", null, new { batch.Name, batch.Year }));
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return batch;
    }

    /// <summary>Adds a report read from a file; matches its agency by name among <paramref name="agencies"/> (the batch government's scope).</summary>
    public async Task<ReviewReportRow> AddAsync(long batchId, ReadReport read, IReadOnlyList<AgencyRow> agencies, string actor, long? corrects = null, CancellationToken ct = default) =>
        (await AddAllAsync(batchId, [read], agencies, actor, corrects, ct).ConfigureAwait(false))[0];

    /// <summary>Adds several reports and then rechecks the batch once (not once per file: a recheck reads every report of the batch).</summary>
    public async Task<IReadOnlyList<ReviewReportRow>> AddAllAsync(long batchId, IEnumerable<ReadReport> reads, IReadOnlyList<AgencyRow> agencies, string actor, long? corrects = null, CancellationToken ct = default)
    {
        var rows = new List<ReviewReportRow>();
        foreach (var read in reads)
        {
            rows.Add(await StoreAsync(batchId, read, agencies, actor, corrects, ct).ConfigureAwait(false));
        }

        await RecheckAsync(batchId, ct).ConfigureAwait(false);
        return rows;
    }

    private async Task<ReviewReportRow> StoreAsync(long batchId, ReadReport read, IReadOnlyList<AgencyRow> agencies, string actor, long? corrects, CancellationToken ct)
    {
        var row = new ReviewReportRow
        {
            BatchId = batchId, FileName = read.FileName, Form = read.Form, Content = read.Content,
            Sha256 = read.Content is null ? null : Convert.ToHexStringLower(SHA256.HashData(read.Content)),
            AgencyName = read.Report?.Agency, Year = read.Report?.Year, Edition = read.Report?.Edition.Code(),
            Json = read.Report is null ? null : AnnualReportJson.Write(read.Report),
            ReaderDiagnostics = DiagnosticJson.ToJson(read.ReaderDiagnostics),
            Context = JsonSerializer.Serialize(new StoredContext(read.Context.UnreadableCells.ToDictionary(), read.Context.Lines.ToDictionary())),
            Diagnostics = DiagnosticJson.ToJson(read.ReaderDiagnostics), PublishedOn = read.PublishedOn, Corrects = corrects, AddedBy = actor,
            AgencyId = Match(read.Report?.Agency, agencies),
        };
        db.ReviewReports.Add(row);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        db.Audit.Add(AuditRow.Of(actor, "review-batch", batchId.ToString(System.Globalization.CultureInfo.InvariantCulture), corrects is null ? "report-added" : "corrected-report-added", null, new { row.Id, row.FileName, row.Sha256, row.AgencyId, row.Year }));
        return row;
    }

    /// <summary>The agency a name denotes among <paramref name="agencies"/>, or null (then corrected by hand).</summary>
    public static string? Match(string? name, IReadOnlyList<AgencyRow> agencies) =>
        name is null ? null : agencies.FirstOrDefault(a => ReportRollup.SameAgency(a.Name, name))?.Id;

    public async Task SetAgencyAsync(long reportId, string agencyId, IReadOnlyList<AgencyRow> agencies, string actor, CancellationToken ct = default)
    {
        var row = await db.ReviewReports.SingleOrDefaultAsync(r => r.Id == reportId, ct).ConfigureAwait(false) ?? throw new ReviewException("没有该报告");
        if (agencies.All(a => a.Id != agencyId))
        {
            throw new ReviewException("该机关不在本批次审查范围内");
        }

        var before = row.AgencyId;
        row.AgencyId = agencyId;
        db.Audit.Add(AuditRow.Of(actor, "review-batch", row.BatchId.ToString(System.Globalization.CultureInfo.InvariantCulture), "agency-corrected", new { row.Id, agencyId = before }, new { row.Id, agencyId }));
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await RecheckAsync(row.BatchId, ct).ConfigureAwait(false);
    }

    /// <summary>The reports of a batch, newest first.</summary>
    public async Task<IReadOnlyList<ReviewReportRow>> ReportsAsync(long batchId, CancellationToken ct = default) =>
        await db.ReviewReports.AsNoTracking().Where(r => r.BatchId == batchId).OrderByDescending(r => r.Id).ToListAsync(ct).ConfigureAwait(false);

    /// <summary>
    /// The report that counts for an agency and year: the latest added (a corrected report replaces the one it corrects).
    /// </summary>
    public static ReviewReportRow? Current(IEnumerable<ReviewReportRow> reports, string agencyId, int year) =>
        reports.Where(r => r.AgencyId == agencyId && r.Year == year && r.Json is not null).OrderByDescending(r => r.Id).FirstOrDefault();

    /// <summary>Recomputes every report's diagnostics with the batch's previous-year reports as context.</summary>
    public async Task RecheckAsync(long batchId, CancellationToken ct = default)
    {
        var reports = await db.ReviewReports.Where(r => r.BatchId == batchId).ToListAsync(ct).ConfigureAwait(false);
        foreach (var row in reports)
        {
            var reader = DiagnosticJson.ReadArray(row.ReaderDiagnostics);
            if (row.Json is null)
            {
                (row.Diagnostics, row.Errors, row.Warnings) = (row.ReaderDiagnostics, reader.Count(d => d.Severity == Severity.Error), reader.Count(d => d.Severity == Severity.Warning));
                continue;
            }

            var previous = row.AgencyId is { } agency && row.Year is { } year && Current(reports, agency, year - 1) is { } p ? AnnualReportJson.Read(p.Json!) : null;
            var stored = row.Context is null ? null : JsonSerializer.Deserialize<StoredContext>(row.Context);
            var context = new CheckContext
            {
                PreviousYear = previous, PublishedOn = row.PublishedOn,
                UnreadableCells = stored?.Unreadable ?? [], Lines = stored?.Lines ?? [],
            };
            IReadOnlyList<Diagnostic> all = [.. reader, .. ReportChecker.Check(AnnualReportJson.Read(row.Json), context)];
            (row.Diagnostics, row.Errors, row.Warnings) = (DiagnosticJson.ToJson(all), all.Count(d => d.Severity == Severity.Error), all.Count(d => d.Severity == Severity.Warning));
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Turns a report's diagnostic (by its index) or a free-text finding into a problem of the 问题清单.</summary>
    public async Task<ReviewProblemRow> AddProblemAsync(long reportId, int? diagnostic, string? finding, string? location, string actor, CancellationToken ct = default)
    {
        var report = await db.ReviewReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reportId, ct).ConfigureAwait(false) ?? throw new ReviewException("没有该报告");
        if (report.AgencyId is null)
        {
            throw new ReviewException("请先确定该报告所属机关");
        }

        ReviewProblemRow problem;
        if (diagnostic is { } index)
        {
            var all = DiagnosticJson.ReadArray(report.Diagnostics);
            var d = index >= 0 && index < all.Count ? all[index] : throw new ReviewException("没有该诊断");
            problem = new ReviewProblemRow
            {
                BatchId = report.BatchId, ReportId = reportId, AgencyId = report.AgencyId, Code = d.Code, Severity = (int)d.Severity,
                Location = d.Location.ToString() is { Length: > 0 } where ? where : null, Message = d.Message, CreatedBy = actor,
            };
        }
        else
        {
            if (string.IsNullOrWhiteSpace(finding) || finding.Trim().Length > ReviewProblems.MaxText)
            {
                throw new ReviewException($"请写明发现的问题（{ReviewProblems.MaxText} 字以内）");
            }

            problem = new ReviewProblemRow
            {
                BatchId = report.BatchId, ReportId = reportId, AgencyId = report.AgencyId, Code = "finding", Severity = (int)Severity.Warning,
                Location = string.IsNullOrWhiteSpace(location) ? null : location.Trim()[..Math.Min(300, location.Trim().Length)], Message = finding.Trim(), CreatedBy = actor,
            };
        }

        db.ReviewProblems.Add(problem);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        db.Audit.Add(AuditRow.Of(actor, "review-problem", problem.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "created", null, new { problem.AgencyId, problem.Code, problem.Message }));
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return problem;
    }

    /// <summary>The agency answers: corrected (with the corrected report's id) or explained.</summary>
    public async Task AnswerAsync(long problemId, bool ofTheAgency, ProblemAnswer kind, string? text, long? correctedReportId, string actor, CancellationToken ct = default)
    {
        var problem = await db.ReviewProblems.SingleOrDefaultAsync(p => p.Id == problemId, ct).ConfigureAwait(false) ?? throw new ReviewException("没有该问题");
        if (ReviewProblems.AnswerRefusal((ProblemState)problem.State, ofTheAgency, kind, text, correctedReportId is not null) is { } refusal)
        {
            throw new ReviewException(refusal);
        }

        var before = (ProblemState)problem.State;
        (problem.State, problem.AnswerKind, problem.Answer, problem.CorrectedReportId, problem.AnsweredBy, problem.AnsweredAtUtc) =
            ((int)ProblemState.Answered, (int)kind, text!.Trim(), correctedReportId, actor, db.Clock.GetUtcNow().UtcDateTime);
        db.Audit.Add(AuditRow.Of(actor, "review-problem", problemId.ToString(System.Globalization.CultureInfo.InvariantCulture), "answered", new { state = before.ToString() }, new { kind = kind.ToString(), problem.Answer, correctedReportId }));
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }

    /// <summary>The reviewer confirms (销号) or returns the answer with a reason.</summary>
    public async Task ReviewAsync(long problemId, bool isReviewer, bool confirm, string? reason, string actor, CancellationToken ct = default)
    {
        var problem = await db.ReviewProblems.SingleOrDefaultAsync(p => p.Id == problemId, ct).ConfigureAwait(false) ?? throw new ReviewException("没有该问题");
        if (ReviewProblems.ReviewRefusal((ProblemState)problem.State, isReviewer, confirm, reason) is { } refusal)
        {
            throw new ReviewException(refusal);
        }

        if (confirm)
        {
            (problem.State, problem.ClosedBy, problem.ClosedAtUtc) = ((int)ProblemState.Closed, actor, db.Clock.GetUtcNow().UtcDateTime);
        }
        else
        {
            (problem.State, problem.ReturnReason) = ((int)ProblemState.Returned, reason!.Trim());
        }

        db.Audit.Add(AuditRow.Of(actor, "review-problem", problemId.ToString(System.Globalization.CultureInfo.InvariantCulture), confirm ? "closed" : "returned", new { state = ProblemState.Answered.ToString() }, new { state = ((ProblemState)problem.State).ToString(), reason }));
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }

    private sealed record StoredContext(Dictionary<string, string> Unreadable, Dictionary<string, int> Lines);
}
