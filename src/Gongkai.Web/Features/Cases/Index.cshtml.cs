using Gongkai.Core.Deadlines;
using Gongkai.Data.Model;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Features.Cases;

/// <summary>The case list with deadline status (green / due within 3 working days / overdue), filtered; only the staff member's agencies.</summary>
public sealed class IndexModel(CaseBoard board, StaffScopes scopes) : StaffPage(scopes)
{
    public const int PageSize = 100;

    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    /// <summary>All cases that match, over every page.</summary>
    public int Total { get; private set; }

    public PagerModel Pager => new("/admin", Request.Query, PageNumber, Total, PageSize);

    [FromQuery] public string? View { get; set; }

    [FromQuery] public string? State { get; set; }

    [FromQuery] public string? Q { get; set; }

    /// <summary>One agency of the staff member's scope (e.g. from the supervision view); others are ignored.</summary>
    [FromQuery] public string? Agency { get; set; }

    public IReadOnlyList<CaseSummary> Cases { get; private set; } = [];

    private IReadOnlyList<CaseSummary> _open = [];

    /// <summary>Open cases in each deadline state (whatever the filter: the overdue are never out of sight).</summary>
    public int Count(DeadlineState state) => _open.Count(c => c.State == state);

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData["Flash"] = Flash;
        PageNumber = Math.Max(1, PageNumber);
        var text = Q?.Trim() is { Length: > 0 and <= 50 } q ? q : null;
        IReadOnlyList<string> agencies = Agency is { } one && Staff.Covers(one) ? [one] : Staff.AgencyIds;
        // Open cases are all read (their deadline state comes from the ledger, so SQL cannot sort on it;
        // they are few next to closed ones), ordered overdue first, and paged here; closed cases page in SQL.
        _open = await board.ListAsync(agencies, open: true, null, int.MaxValue, ct);
        if (View == "closed")
        {
            (Cases, Total) = await board.ClosedPageAsync(agencies, text, PageNumber, PageSize, ct);
            return;
        }

        var matching = (text is null ? _open : await board.ListAsync(agencies, open: true, text, int.MaxValue, ct))
            .Where(c => State is not { Length: > 0 } || c.StateClass == State).ToArray();
        (Cases, Total) = (matching.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToArray(), matching.Length);
    }
}
