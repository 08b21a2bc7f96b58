using Gongkai.Data.Model;
using Gongkai.Data.Publishing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages;

/// <summary>Chinese full-text search over the published 目录 (see <see cref="PublicationSearch"/>), with filters and highlighted matches.</summary>
public sealed class SearchModel(GongkaiDbContext db) : PageModel
{
    [FromQuery] public string? Q { get; set; }

    [FromQuery] public int? Category { get; set; }

    [FromQuery] public string? Area { get; set; }

    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public SearchPage? Result { get; private set; }

    public PagerModel? Pager { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Q) && Category is null && string.IsNullOrEmpty(Area))
        {
            return;
        }

        Result = await PublicationSearch.SearchAsync(db, new SearchQuery(Q?.Length > 100 ? Q[..100] : Q, Category, string.IsNullOrEmpty(Area) ? null : Area, Page: PageNumber), ct);
        Pager = new PagerModel("/search", Request.Query, PageNumber, Result.Total, 20);
    }
}
