using Gongkai.Data.Model;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Features.Portal;

public sealed class ReportsModel(GongkaiDbContext db) : PortalPage(db)
{
    public IReadOnlyList<PublishedReport> Reports { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Reports = (await PublishedReports.ListAsync(Db, ct)).Where(r => Agency is null || r.AgencyId == Agency.Id).ToArray();
}
