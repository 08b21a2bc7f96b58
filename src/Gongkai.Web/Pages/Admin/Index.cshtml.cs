using Gongkai.Core.Deadlines;
using Gongkai.Data.Model;
using Gongkai.Web.Staff;
using Gongkai.Web.Workspace;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Pages.Admin;

/// <summary>The case list with deadline status (green / due within 3 working days / overdue), filtered; only the staff member's agencies.</summary>
public sealed class IndexModel(GongkaiDbContext db, StaffScopes scopes) : StaffPage(scopes)
{
    private const int Limit = 500;

    [FromQuery] public string? View { get; set; }

    [FromQuery] public string? State { get; set; }

    [FromQuery] public string? Q { get; set; }

    public IReadOnlyList<CaseSummary> Cases { get; private set; } = [];

    private IReadOnlyList<CaseSummary> _all = [];

    public int Count(DeadlineState state) => _all.Count(c => c.State == state);

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData["Flash"] = Flash;
        _all = await CaseBoard.ListAsync(db, Staff.AgencyIds, View != "closed", Q?.Trim() is { Length: > 0 and <= 50 } q ? q : null, Limit, ct);
        Cases = State is { Length: > 0 } s ? _all.Where(c => c.StateClass == s).ToArray() : _all;
    }
}
