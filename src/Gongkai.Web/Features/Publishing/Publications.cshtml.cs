using Gongkai.Core.Calendar;
using Gongkai.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Features.Publishing;

public sealed class PublicationsModel(GongkaiDbContext db, StaffScopes scopes, TimeProvider clock) : StaffPage(scopes)
{
    public IReadOnlyList<PublicationStatus> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData["Flash"] = Flash;
        var rows = await db.Publications.AsNoTracking().Include(p => p.Steps).Where(p => Staff.AgencyIds.Contains(p.AgencyId))
            .OrderByDescending(p => p.Id).Take(500).ToListAsync(ct);
        Items = rows.Select(r => PublicationStatus.Of(r, clock.TodayInChina())).ToArray();
    }
}
