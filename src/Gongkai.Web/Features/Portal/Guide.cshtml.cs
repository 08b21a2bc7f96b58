using Gongkai.Data.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Features.Portal;

/// <summary>政府信息公开指南 (条例 第十二条): classification, how to obtain information, and the office's contact facts from the agency's settings.</summary>
public sealed class GuideModel(GongkaiDbContext db) : Portal.PortalPage(db)
{
    /// <summary>The agency whose 指南 this is: the 专栏's, else <c>?agency=</c>, else the root.</summary>
    public AgencyRow Shown { get; private set; } = null!;

    public IReadOnlyList<AgencyRow> Agencies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? agency, CancellationToken ct)
    {
        Agencies = await Db.Agencies.AsNoTracking().OrderBy(a => a.ParentId == null ? 0 : 1).ThenBy(a => a.Id).ToListAsync(ct);
        if (Agencies.Count == 0)
        {
            return NotFound();
        }

        var found = Agency ?? Agencies.FirstOrDefault(a => a.Id == agency);
        if (agency is { Length: > 0 } && found is null)
        {
            return NotFound();
        }

        Shown = found ?? Agencies[0];
        return Page();
    }
}
