using Gongkai.Data.Model;
using Gongkai.Data.Review;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Features.ReviewBatches;

/// <summary>The 政务公开办's review batches (年报审查, kept): the list, and a new batch by name and year.</summary>
public sealed class BatchesModel(GongkaiDbContext db, ReviewStore store, StaffScopes scopes, TimeProvider clock) : StaffPage(scopes)
{
    public IReadOnlyList<(ReviewBatchRow Batch, int Reports, int OpenProblems)> Batches { get; private set; } = [];

    public string? Refusal { get; private set; }

    public int DefaultYear => Core.Calendar.ChinaClock.TodayInChina(clock).Year - 1;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Staff.SupervisesOthers)
        {
            return Forbid();
        }

        ViewData["Flash"] = Flash;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? name, int year, CancellationToken ct)
    {
        if (!Staff.SupervisesOthers)
        {
            return Forbid();
        }

        try
        {
            var batch = await store.CreateBatchAsync(name ?? "", year, Staff.Agencies[0].Id, Staff.User.DisplayName, ct);
            return Redirect($"/admin/review/batches/{batch.Id}");
        }
        catch (ReviewException e)
        {
            Refusal = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(ct);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var ids = Staff.AgencyIds;
        var batches = await db.ReviewBatches.AsNoTracking().Where(b => ids.Contains(b.AgencyId)).OrderByDescending(b => b.Id).ToListAsync(ct);
        var batchIds = batches.Select(b => b.Id).ToArray();
        var reports = await db.ReviewReports.Where(r => batchIds.Contains(r.BatchId)).GroupBy(r => r.BatchId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var open = await db.ReviewProblems.Where(p => batchIds.Contains(p.BatchId) && p.State != (int)Core.Reports.Review.ProblemState.Closed)
            .GroupBy(p => p.BatchId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Batches = batches.Select(b => (b, reports.GetValueOrDefault(b.Id), open.GetValueOrDefault(b.Id))).ToArray();
    }
}
