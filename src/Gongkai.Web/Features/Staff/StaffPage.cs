using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Features.Staff;

/// <summary>A workspace page: the signed-in staff member's scope is loaded before any handler runs.</summary>
public abstract class StaffPage(StaffScopes scopes) : PageModel
{
    public StaffScope Staff { get; private set; } = null!;

    /// <summary>A message for the page after an action (success or the reason it was refused).</summary>
    [TempData] public string? Flash { get; set; }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (await scopes.ForAsync(User, HttpContext.RequestAborted) is not { } scope)
        {
            context.Result = Challenge();
            return;
        }

        Staff = scope;
        await next();
    }

    /// <summary>Refused for lack of a role: the /denied page, with 403.</summary>
    protected IActionResult Denied() => Forbid();
}
