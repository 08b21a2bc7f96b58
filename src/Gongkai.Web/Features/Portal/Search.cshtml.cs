using Gongkai.Data.Model;
using Gongkai.Data.Publishing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Features.Portal;

/// <summary>Chinese full-text search over the published 目录 (see <see cref="PublicationSearch"/>), with filters and highlighted matches.</summary>
public sealed class SearchModel(GongkaiDbContext db) : Portal.PortalPage(db)
{
    [FromQuery] public string? Q { get; set; }

    [FromQuery] public int? Category { get; set; }

    [FromQuery] public string? Area { get; set; }

    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    /// <summary>有效性 filter: 有效, 失效 or 废止 (anything else: all).</summary>
    [FromQuery] public string? Validity { get; set; }

    /// <summary>Inside a 专栏: <c>all</c> searches the whole platform (全平台), anything else only the agency.</summary>
    [FromQuery] public string? Scope { get; set; }

    /// <summary>The agency searched, or null for the whole platform.</summary>
    public string? SearchedAgencyId => Scope == "all" ? null : Agency?.Id;

    public SearchPage? Result { get; private set; }

    public PagerModel? Pager { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Q) && Category is null && string.IsNullOrEmpty(Area) && string.IsNullOrEmpty(Validity))
        {
            return;
        }

        Result = await PublicationSearch.SearchAsync(Db, new SearchQuery(Q?.Length > 100 ? Q[..100] : Q, Category, string.IsNullOrEmpty(Area) ? null : Area, AgencyId: SearchedAgencyId, Page: PageNumber,
            Validity: Gongkai.Data.Publishing.PublicationStore.Validities.Contains(Validity) ? Validity : null), ct);
        Pager = new PagerModel(Base + "/search", Request.Query, PageNumber, Result.Total, 20);
    }
}
