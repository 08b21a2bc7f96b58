using Gongkai.Data.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Features.Portal;

/// <summary>
/// A public page that is either the platform's (today's routes: <c>/catalog</c>, <c>/guide</c> …) or one
/// agency's 政府信息公开专栏 (<c>/{agencyId}/catalog</c> …). The agency comes from the route; an unknown
/// one is 404 before any handler runs. <see cref="Base"/> prefixes every link the page writes, so a
/// visitor inside a 专栏 stays in it.
/// </summary>
public abstract class PortalPage(GongkaiDbContext db) : PageModel
{
    /// <summary>The route value of a 专栏 page; null on the platform's own routes.</summary>
    [FromRoute(Name = "agencyId")] public string? AgencyId { get; set; }

    /// <summary>The 专栏's agency, or null on the platform's routes.</summary>
    public AgencyRow? Agency { get; private set; }

    /// <summary>The agencies above <see cref="Agency"/>, the root first (for 「区政府 › 街道」).</summary>
    public IReadOnlyList<AgencyRow> Ancestors { get; private set; } = [];

    /// <summary>"" on the platform's routes, "/{agencyId}" inside a 专栏.</summary>
    public string Base => Agency is null ? "" : "/" + Uri.EscapeDataString(Agency.Id);

    protected GongkaiDbContext Db => db;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (AgencyId is { } id)
        {
            var all = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, HttpContext.RequestAborted);
            if (!all.TryGetValue(id, out var agency))
            {
                context.Result = NotFound();
                return;
            }

            Agency = agency;
            var up = new List<AgencyRow>();
            for (var a = agency.ParentId is { } p ? all.GetValueOrDefault(p) : null; a is not null && up.Count < all.Count; a = a.ParentId is { } q ? all.GetValueOrDefault(q) : null)
            {
                up.Insert(0, a);
            }

            Ancestors = up;
        }

        ViewData["PortalBase"] = Base;
        ViewData["PortalAgency"] = Agency;
        ViewData["PortalAncestors"] = Ancestors;
        await next();
    }
}
