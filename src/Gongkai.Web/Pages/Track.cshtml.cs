using Gongkai.Data.Model;
using Gongkai.Web.Applications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages;

/// <summary>Case status for the applicant: tracking number + phone, posted (the phone stays out of URLs and logs); no hint whether a number exists.</summary>
public sealed class TrackModel(GongkaiDbContext db) : PageModel
{
    [BindProperty] public string? Number { get; set; }

    [BindProperty] public string? Phone { get; set; }

    public TrackResponse? Found { get; private set; }

    public bool NoMatch { get; private set; }

    public void OnGet()
    {
    }

    public async Task OnPostAsync(CancellationToken ct)
    {
        Found = string.IsNullOrWhiteSpace(Number) ? null : await ApplicationIntake.TrackAsync(Number.Trim(), Phone, db, ct);
        NoMatch = Found is null;
    }
}
