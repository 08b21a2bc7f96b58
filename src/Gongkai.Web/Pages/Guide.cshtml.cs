using Gongkai.Data.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages;

/// <summary>政府信息公开指南 (条例 第十二条): classification, how to obtain information, and the office's contact facts from the agency's settings.</summary>
public sealed class GuideModel(GongkaiDbContext db) : PageModel
{
    public AgencyRow Agency { get; private set; } = null!;

    public IReadOnlyList<AgencyRow> Agencies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? agency, CancellationToken ct)
    {
        Agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.ParentId == null ? 0 : 1).ThenBy(a => a.Id).ToListAsync(ct);
        if (Agencies.Count == 0)
        {
            return NotFound();
        }

        var found = Agencies.FirstOrDefault(a => a.Id == agency);
        if (agency is { Length: > 0 } && found is null)
        {
            return NotFound();
        }

        Agency = found ?? Agencies[0];
        return Page();
    }
}
