using Gongkai.Data.Publishing;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Features.Publishing;

/// <summary>第四十四条: groups of alike applications, each to be turned into a draft publication or dismissed with a reason (see <see cref="SuggestionStore"/>).</summary>
public sealed class SuggestionsModel(SuggestionStore suggestions, StaffScopes scopes) : StaffPage(scopes)
{
    public IReadOnlyList<DisclosureSuggestion> Open { get; private set; } = [];

    public string? Refusal { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData["Flash"] = Flash;
        Open = await suggestions.OpenAsync(Staff.AgencyIds, ct);
    }

    public async Task<IActionResult> OnPostAcceptAsync(string agencyId, string key, int category, CancellationToken ct)
    {
        if (!Staff.Covers(agencyId))
        {
            return NotFound();
        }

        try
        {
            var draft = await suggestions.AcceptAsync(agencyId, key, category, Staff.Actor, ct);
            Flash = "已据此起草主动公开信息，请补充正文后送审";
            return Redirect($"/admin/publications/{draft.Id}");
        }
        catch (PublicationException ex)
        {
            return await RefusedAsync(ex.Message, ct);
        }
    }

    public async Task<IActionResult> OnPostDismissAsync(string agencyId, string key, string? reason, CancellationToken ct)
    {
        if (!Staff.Covers(agencyId))
        {
            return NotFound();
        }

        try
        {
            await suggestions.DismissAsync(agencyId, key, reason, Staff.Actor, ct);
            Flash = "已记录不予采纳的理由";
            return Redirect("/admin/suggestions");
        }
        catch (PublicationException ex)
        {
            return await RefusedAsync(ex.Message, ct);
        }
    }

    private async Task<IActionResult> RefusedAsync(string message, CancellationToken ct)
    {
        Refusal = message;
        Open = await suggestions.OpenAsync(Staff.AgencyIds, ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
