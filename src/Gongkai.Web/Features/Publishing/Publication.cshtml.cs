using Gongkai.Core.Calendar;
using Gongkai.Core.Publishing;
using Gongkai.Data.Model;
using Gongkai.Data.Publishing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Features.Publishing;

/// <summary>One item and its review chain; the next step is offered to everyone in scope and refused, with the reason, to the wrong role or the same person twice.</summary>
public sealed class PublicationModel(GongkaiDbContext db, PublicationStore store, StaffScopes scopes, Microsoft.AspNetCore.OutputCaching.IOutputCacheStore cache, TimeProvider clock) : StaffPage(scopes)
{
    public PublicationStatus Status { get; private set; } = null!;

    public string? Refusal { get; private set; }

    public DateOnly Today => clock.TodayInChina();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        ViewData["Flash"] = Flash;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(long id, ReviewStep step, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        try
        {
            await store.AdvanceAsync(id, step, Staff.Actor, clock.TodayInChina(), ct);
            if (step == ReviewStep.Published)
            {
                await Portal.PortalCache.EvictAsync(cache, ct);
            }
            Flash = $"已完成「{PublicationReview.Label(step)}」";
            return Redirect($"/admin/publications/{id}");
        }
        catch (PublicationException ex)
        {
            Refusal = ex.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    /// <summary>撤回 (分管领导 only, with a reason); the portal's pages are evicted at once.</summary>
    public async Task<IActionResult> OnPostWithdrawAsync(long id, string? reason, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        try
        {
            await store.WithdrawAsync(id, reason, Staff.Actor, ct);
            await Portal.PortalCache.EvictAsync(cache, ct);
            Flash = "已撤回：公众访问该信息时将看到撤回说明";
            return Redirect($"/admin/publications/{id}");
        }
        catch (PublicationException ex)
        {
            Refusal = ex.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    /// <summary>失效 or 废止 (审核人 only); the portal shows the state at once.</summary>
    public async Task<IActionResult> OnPostValidityAsync(long id, string? validity, DateOnly? on, string? repealedByNumber, string? repealedByUrl, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        try
        {
            await store.SetValidityAsync(id, validity ?? "", on ?? clock.TodayInChina(), repealedByNumber, repealedByUrl, Staff.Actor, ct);
            await Portal.PortalCache.EvictAsync(cache, ct);
            Flash = $"有效性已变更为「{validity}」";
            return Redirect($"/admin/publications/{id}");
        }
        catch (PublicationException ex)
        {
            Refusal = ex.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var row = await db.Publications.AsNoTracking().Include(p => p.Steps).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (row is null || !Staff.Covers(row.AgencyId))
        {
            return false;
        }

        Status = PublicationStatus.Of(row, clock.TodayInChina());
        return true;
    }
}
