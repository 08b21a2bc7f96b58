using Gongkai.Core.Calendar;
using Gongkai.Core.Publishing;
using Gongkai.Data.Model;
using Gongkai.Data.Publishing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Features.Publishing;

/// <summary>One item and its review chain; the next step is offered to everyone in scope and refused, with the reason, to the wrong role or the same person twice.</summary>
public sealed class PublicationModel(GongkaiDbContext db, PublicationStore store, RevisionStore revisions, StaffScopes scopes, Microsoft.AspNetCore.OutputCaching.IOutputCacheStore cache, TimeProvider clock) : StaffPage(scopes)
{
    public PublicationStatus Status { get; private set; } = null!;

    public string? Refusal { get; private set; }

    /// <summary>The item's revisions, newest first (an open one, if any, is the first).</summary>
    public IReadOnlyList<PublicationRevisionRow> Revisions { get; private set; } = [];

    /// <summary>The revision under review, if any.</summary>
    public PublicationRevisionRow? OpenRevision => Revisions.FirstOrDefault(r => r.PublishedOn is null);

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

        return await RefusedOrRedirectAsync(id, async () =>
        {
            await store.AdvanceAsync(id, step, Staff.Actor, clock.TodayInChina(), ct);
            if (step == ReviewStep.Published)
            {
                await Portal.PortalCache.EvictAsync(cache, ct);
            }

            Flash = $"已完成「{PublicationReview.Label(step)}」";
        });
    }

    /// <summary>撤回 (分管领导 only, with a reason); the portal's pages are evicted at once.</summary>
    public async Task<IActionResult> OnPostWithdrawAsync(long id, string? reason, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        return await RefusedOrRedirectAsync(id, async () =>
        {
            await store.WithdrawAsync(id, reason, Staff.Actor, ct);
            await Portal.PortalCache.EvictAsync(cache, ct);
            Flash = "已撤回：公众访问该信息时将看到撤回说明";
        });
    }

    /// <summary>失效 or 废止 (审核人 only); the portal shows the state at once.</summary>
    public async Task<IActionResult> OnPostValidityAsync(long id, string? validity, DateOnly? on, string? repealedByNumber, string? repealedByUrl, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        return await RefusedOrRedirectAsync(id, async () =>
        {
            await store.SetValidityAsync(id, validity ?? "", on ?? clock.TodayInChina(), repealedByNumber, repealedByUrl, Staff.Actor, ct);
            await Portal.PortalCache.EvictAsync(cache, ct);
            Flash = $"有效性已变更为「{validity}」";
        });
    }

    /// <summary>起草 a revision (修订) of the published item; it then goes through the chain like a new item.</summary>
    public async Task<IActionResult> OnPostReviseAsync(long id, string? title, string? body, string? documentNumber, string? subject, string? reason, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        return await RefusedOrRedirectAsync(id, async () =>
        {
            await revisions.DraftAsync(id, new RevisionInput(title ?? "", body ?? "", documentNumber, subject, reason ?? ""), Staff.Actor, ct);
            Flash = "修订已起草，须经保密审查、审核、签发后发布";
        });
    }

    /// <summary>The next step of the open revision; its 发布 replaces the portal's content at once.</summary>
    public async Task<IActionResult> OnPostRevisionStepAsync(long id, ReviewStep step, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        return await RefusedOrRedirectAsync(id, async () =>
        {
            await revisions.AdvanceAsync(id, step, Staff.Actor, clock.TodayInChina(), ct);
            if (step == ReviewStep.Published)
            {
                await Portal.PortalCache.EvictAsync(cache, ct);
            }

            Flash = $"修订已完成「{PublicationReview.Label(step)}」";
        });
    }

    private async Task<IActionResult> RefusedOrRedirectAsync(long id, Func<Task> action)
    {
        try
        {
            await action();
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
        Revisions = await revisions.OfAsync(id, ct);
        return true;
    }
}
