using Gongkai.Data.Model;
using Gongkai.Data.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Features.Portal;

/// <summary>
/// One agency's 政府信息公开专栏 (<c>/{agencyId}</c>): the five columns of 国办公开办函〔2019〕61号 pointing into
/// the 专栏, the agency's latest items and its reports, and the agencies directly below it.
/// </summary>
public sealed class AgencyHomeModel(GongkaiDbContext db) : PortalPage(db)
{
    public IReadOnlyList<PublicationRow> Latest { get; private set; } = [];

    public IReadOnlyList<PublishedReport> Reports { get; private set; } = [];

    public IReadOnlyList<AgencyRow> Below { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var id = Agency!.Id;
        Latest = (await PublicationSearch.SearchAsync(Db, new SearchQuery(null, AgencyId: id, PageSize: 8), ct)).Items;
        Reports = (await PublishedReports.ListAsync(Db, ct)).Where(r => r.AgencyId == id).Take(6).ToArray();
        Below = await Db.Agencies.AsNoTracking().Where(a => a.ParentId == id).OrderBy(a => a.Id).ToListAsync(ct);
    }
}
