using Gongkai.Data.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Features.Staff;

/// <summary>Logout ends every session of the account: the security stamp changes, so a copied cookie is refused at its next request.</summary>
public sealed class LogoutModel(SignInManager<StaffUser> signIn, GongkaiDbContext db) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await signIn.UserManager.GetUserAsync(User) is { } user)
        {
            await signIn.UserManager.UpdateSecurityStampAsync(user);
            await StaffSecurity.AuditAsync(db, user.UserName!, user.UserName!, "signed-out", ct: ct);
        }

        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
