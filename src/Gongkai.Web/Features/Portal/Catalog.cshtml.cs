using Gongkai.Core.Publishing;
using Gongkai.Data.Model;
using Gongkai.Data.Publishing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Features.Portal;

/// <summary>The 目录 browsed by 第二十条 category, 基层政务公开 area or 主题分类; published items only, newest first.</summary>
public sealed class CatalogModel(GongkaiDbContext db) : Portal.PortalPage(db)
{
    [FromQuery] public int? Category { get; set; }

    [FromQuery] public string? Area { get; set; }

    [FromQuery] public string? Subject { get; set; }

    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public SearchPage Result { get; private set; } = new([], 0, []);

    public Dictionary<int, int> Counts { get; private set; } = [];

    public PagerModel Pager { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Category is { } c && Catalogue.Category(c) is null || Area is { Length: > 0 } a && !Catalogue.Areas.Contains(a))
        {
            return NotFound();
        }

        var agencyId = Agency?.Id;
        Result = await PublicationSearch.SearchAsync(Db, new SearchQuery(null, Category, Area, AgencyId: agencyId, Page: PageNumber, Subject: Subject), ct);
        Counts = await Db.Publications.Where(p => p.PublishedOn != null && (agencyId == null || p.AgencyId == agencyId)).GroupBy(p => p.Category).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        Pager = new PagerModel(Base + "/catalog", Request.Query, PageNumber, Result.Total, 20);
        return Page();
    }
}
