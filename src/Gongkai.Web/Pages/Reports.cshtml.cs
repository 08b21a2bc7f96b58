using Gongkai.Data.Model;
using Gongkai.Web.Portal;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages;

public sealed class ReportsModel(GongkaiDbContext db) : PageModel
{
    public IReadOnlyList<PublishedReport> Reports { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Reports = await PublishedReports.ListAsync(db, ct);
}
