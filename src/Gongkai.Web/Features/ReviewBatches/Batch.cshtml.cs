using System.Globalization;
using Gongkai.Core.Reports.Review;
using Gongkai.Core.Reports.Rules;
using Gongkai.Data.Model;
using Gongkai.Data.Review;
using Gongkai.Documents.Letters;
using Gongkai.Documents.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Features.ReviewBatches;

/// <summary>
/// One review batch, for its reviewers (staff of the government it belongs to): add reports (upload, or the platform's
/// locked ones), correct an agency match, read each report's diagnostics, turn diagnostics or own findings into the
/// 问题清单, confirm or return answers; the 问题清单 as XLSX (the batch) and as a DOCX letter (one agency).
/// </summary>
public sealed class BatchModel(GongkaiDbContext db, ReviewStore store, StaffScopes scopes, TimeProvider clock) : StaffPage(scopes)
{
    private const int MaxFiles = 200;

    public ReviewBatchRow Batch { get; private set; } = null!;

    public IReadOnlyList<ReviewReportRow> Reports { get; private set; } = [];

    public IReadOnlyList<ReviewProblemRow> Problems { get; private set; } = [];

    public IReadOnlyList<AgencyRow> Agencies => Staff.Agencies;

    public string? Refusal { get; private set; }

    public IReadOnlyList<Diagnostic> DiagnosticsOf(ReviewReportRow report) => DiagnosticJson.ReadArray(report.Diagnostics);

    public string AgencyName(string? id) => id is null ? "（未匹配）" : Agencies.FirstOrDefault(a => a.Id == id)?.Name ?? id;

    /// <summary>Agencies with this year's and last year's report in the batch: a comparison is possible.</summary>
    public IEnumerable<string> Comparable => Reports.Where(r => r.AgencyId is not null).Select(r => r.AgencyId!).Distinct()
        .Where(a => ReviewStore.Current(Reports, a, Batch.Year) is not null && ReviewStore.Current(Reports, a, Batch.Year - 1) is not null);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        ViewData["Flash"] = Flash;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostUploadAsync(long id, List<IFormFile> files, CancellationToken ct) => StepAsync(id, async () =>
    {
        if (files.Count == 0)
        {
            throw new ReviewException("请选择要上传的年报文件");
        }

        var reads = new List<ReadReport>();
        foreach (var file in files.Take(MaxFiles))
        {
            reads.Add(await ReviewFiles.ReadAsync(file, ct));
        }

        await store.AddAllAsync(id, reads, Agencies, Staff.User.DisplayName, ct: ct);
        return $"已加入 {reads.Count} 份报告";
    }, ct);

    /// <summary>Adds the platform's locked reports of the agencies in scope for the batch's year and the year before.</summary>
    public Task<IActionResult> OnPostPlatformAsync(long id, CancellationToken ct) => StepAsync(id, async () =>
    {
        var reads = new List<ReadReport>();
        foreach (var agency in Agencies.Skip(1))
        {
            foreach (var year in new[] { Batch.Year - 1, Batch.Year })
            {
                if (!Reports.Any(r => r.Form == "platform" && r.AgencyId == agency.Id && r.Year == year) && await ReviewFiles.PlatformAsync(db, agency.Id, year, ct) is { } read)
                {
                    reads.Add(read);
                }
            }
        }

        await store.AddAllAsync(id, reads, Agencies, Staff.User.DisplayName, ct: ct);
        return $"已从平台加入 {reads.Count} 份已发布年报";
    }, ct);

    public Task<IActionResult> OnPostAgencyAsync(long id, long reportId, string? agencyId, CancellationToken ct) => StepAsync(id, async () =>
    {
        EnsureInBatch(reportId);
        await store.SetAgencyAsync(reportId, agencyId ?? "", Agencies, Staff.User.DisplayName, ct);
        return "已更正所属机关，诊断已重新计算";
    }, ct);

    public Task<IActionResult> OnPostProblemAsync(long id, long reportId, int? diagnostic, string? finding, string? location, CancellationToken ct) => StepAsync(id, async () =>
    {
        EnsureInBatch(reportId);
        await store.AddProblemAsync(reportId, diagnostic, finding, location, Staff.User.DisplayName, ct);
        return "已列入问题清单";
    }, ct);

    public Task<IActionResult> OnPostReviewAsync(long id, long problemId, bool confirm, string? reason, CancellationToken ct) => StepAsync(id, async () =>
    {
        if (Problems.All(p => p.Id != problemId))
        {
            throw new ReviewException("本批次没有该问题");
        }

        await store.ReviewAsync(problemId, isReviewer: true, confirm, reason, Staff.User.DisplayName, ct);
        return confirm ? "已确认整改，问题销号" : "已退回重改";
    }, ct);

    /// <summary>The batch's 问题清单 with each problem's state, as XLSX.</summary>
    public async Task<IActionResult> OnGetXlsxAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var sheet = new XlsxSheet("问题清单") { Landscape = true };
        sheet.Row($"{Batch.Name}（{Batch.Year}年度）问题清单");
        sheet.Row("序号", "机关", "报告", "问题代码", "严重程度", "位置", "问题", "状态", "答复", "答复人", "销号人");
        foreach (var (p, i) in Problems.Select((p, i) => (p, i + 1)))
        {
            var report = Reports.First(r => r.Id == p.ReportId);
            sheet.Row(i, AgencyName(p.AgencyId), report.FileName, p.Code, ((Severity)p.Severity).SeverityLabel(), p.Location, p.Message,
                ((ProblemState)p.State).Label(), p.Answer is null ? null : $"{((ProblemAnswer)p.AnswerKind!.Value).Label()}：{p.Answer}", p.AnsweredBy, p.ClosedBy);
        }

        sheet.Widths.AddRange([6, 26, 24, 16, 8, 24, 50, 12, 40, 10, 10]);
        using var stream = new MemoryStream();
        XlsxWorkbook.Write(stream, [sheet]);
        return File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"问题清单-{Batch.Year}-{Batch.Id}.xlsx");
    }

    /// <summary>One agency's 问题清单 as a letter (GB/T 9704 layout), to send with the request to correct.</summary>
    public async Task<IActionResult> OnGetLetterAsync(long id, string agencyId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var problems = Problems.Where(p => p.AgencyId == agencyId).ToArray();
        if (problems.Length == 0)
        {
            return NotFound();
        }

        var today = Core.Calendar.ChinaClock.TodayInChina(clock);
        var paragraphs = new List<string>
        {
            $"经审查，你单位{Batch.Year}年政府信息公开工作年度报告存在以下问题，请逐项整改或说明，并在政务公开工作平台「年报问题」中答复；更正后的年报请重新发布。",
        };
        paragraphs.AddRange(problems.Select((p, i) => string.Create(CultureInfo.InvariantCulture, $"{i + 1}. {(p.Location is { } where ? where + "：" : "")}{p.Message}（{((ProblemState)p.State).Label()}）")));
        paragraphs.Add("特此函告。");
        var letter = new Letter($"关于{Batch.Year}年政府信息公开工作年度报告问题的整改通知", AgencyName(agencyId), paragraphs, Staff.Agencies[0].Name, today);
        return File(LetterDocxWriter.Write(letter), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"问题清单-{AgencyName(agencyId)}-{Batch.Year}.docx");
    }

    private void EnsureInBatch(long reportId)
    {
        if (Reports.All(r => r.Id != reportId))
        {
            throw new ReviewException("本批次没有该报告");
        }
    }

    private async Task<IActionResult> StepAsync(long id, Func<Task<string>> step, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        try
        {
            Flash = await step();
            return Redirect($"/admin/review/batches/{id}");
        }
        catch (ReviewException e)
        {
            Refusal = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(id, ct);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var batch = await db.ReviewBatches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct);
        if (batch is null || !Staff.SupervisesOthers || !Staff.Covers(batch.AgencyId))
        {
            return false;
        }

        Batch = batch;
        Reports = await store.ReportsAsync(id, ct);
        Problems = await db.ReviewProblems.AsNoTracking().Where(p => p.BatchId == id).OrderBy(p => p.Id).ToListAsync(ct);
        return true;
    }
}
