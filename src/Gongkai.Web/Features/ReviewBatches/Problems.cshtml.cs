using Gongkai.Core.Reports.Review;
using Gongkai.Data.Model;
using Gongkai.Data.Review;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Features.ReviewBatches;

/// <summary>
/// 年报问题 for the reviewed agency's staff: the problems the 政务公开办 found in its reports, each answered — corrected,
/// with the corrected report uploaded or taken from the platform's latest locked version, or explained.
/// </summary>
public sealed class ProblemsModel(GongkaiDbContext db, ReviewStore store, StaffScopes scopes) : StaffPage(scopes)
{
    public IReadOnlyList<(ReviewProblemRow Problem, ReviewBatchRow Batch, ReviewReportRow Report)> Items { get; private set; } = [];

    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ViewData["Flash"] = Flash;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAnswerAsync(long problemId, ProblemAnswer kind, string? text, IFormFile? file, bool platform, CancellationToken ct)
    {
        await LoadAsync(ct);
        var item = Items.FirstOrDefault(i => i.Problem.Id == problemId);
        if (item.Problem is null)
        {
            return NotFound();
        }

        try
        {
            var own = Staff.Agencies[0].Id == item.Problem.AgencyId;
            // Asked before the corrected report is stored, so a refused answer leaves no orphan report in the batch.
            if (ReviewProblems.AnswerRefusal((ProblemState)item.Problem.State, own, kind, text, kind != ProblemAnswer.Corrected || file is not null || platform) is { } refusal)
            {
                throw new ReviewException(refusal);
            }

            long? corrected = null;
            if (kind == ProblemAnswer.Corrected)
            {
                var read = file is not null ? await ReviewFiles.ReadAsync(file, ct)
                    : await ReviewFiles.PlatformAsync(db, item.Problem.AgencyId, item.Report.Year ?? item.Batch.Year, ct) ?? throw new ReviewException("平台上没有该年度已锁定的年报，请上传更正后的文件");
                var agencies = await db.Agencies.AsNoTracking().Where(a => a.Id == item.Problem.AgencyId).ToListAsync(ct);
                var added = await store.AddAsync(item.Batch.Id, read, agencies, Staff.User.DisplayName, item.Report.Id, ct);
                if (added.AgencyId is null)
                {
                    await store.SetAgencyAsync(added.Id, item.Problem.AgencyId, agencies, Staff.User.DisplayName, ct);
                }

                corrected = added.Id;
            }

            await store.AnswerAsync(problemId, own, kind, text, corrected, Staff.User.DisplayName, ct);
            Flash = "已答复，等待审查人确认";
            return Redirect("/admin/problems");
        }
        catch (ReviewException e)
        {
            Refusal = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var own = Staff.Agencies[0].Id;
        var problems = await db.ReviewProblems.AsNoTracking().Where(p => p.AgencyId == own).OrderBy(p => p.State == (int)ProblemState.Closed).ThenBy(p => p.Id).ToListAsync(ct);
        var batchIds = problems.Select(p => p.BatchId).Distinct().ToArray();
        var reportIds = problems.Select(p => p.ReportId).Distinct().ToArray();
        var batches = await db.ReviewBatches.AsNoTracking().Where(b => batchIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, ct);
        var reports = await db.ReviewReports.AsNoTracking().Where(r => reportIds.Contains(r.Id)).Select(r => new ReviewReportRow
        {
            Id = r.Id, BatchId = r.BatchId, FileName = r.FileName, Form = r.Form, Year = r.Year, ReaderDiagnostics = "", Diagnostics = "", AddedBy = r.AddedBy,
        }).ToDictionaryAsync(r => r.Id, ct);
        Items = problems.Select(p => (p, batches[p.BatchId], reports[p.ReportId])).ToArray();
    }
}
