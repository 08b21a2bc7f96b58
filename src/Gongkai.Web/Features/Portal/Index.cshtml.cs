using Gongkai.Data.Model;
using Gongkai.Data.Publishing;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Features.Portal;

/// <summary>The platform home: every agency's 专栏 grouped as people look for them, with this year's figures; and the root's five columns of the 政府信息公开 专栏 (国办公开办函〔2019〕61号), the latest items and the latest reports.</summary>
public sealed class IndexModel(GongkaiDbContext db) : PageModel
{
    public AgencyRow? Root { get; private set; }

    public IReadOnlyList<PublicationRow> Latest { get; private set; } = [];

    public IReadOnlyList<PublishedReport> Reports { get; private set; } = [];

    /// <summary>Every agency on the platform with this year's figures, in the order of <see cref="Gongkai.Core.Publishing.AgencyGroup"/>.</summary>
    public IReadOnlyList<Gongkai.Data.Agencies.AgencyFigures> Agencies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Root = await db.Agencies.AsNoTracking().Where(a => a.ParentId == null).OrderBy(a => a.Id).FirstOrDefaultAsync(ct);
        Latest = (await PublicationSearch.SearchAsync(db, new SearchQuery(null, PageSize: 8), ct)).Items;
        Reports = (await PublishedReports.ListAsync(db, ct)).Take(12).ToArray();
        Agencies = await Gongkai.Data.Agencies.AgencyFiguresQuery.ListAsync(db, ct);
    }
}
