using Gongkai.Data.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Features.Staff;

/// <summary>Change one's own password (required at the first sign-in and after a reset); every other session of the account ends.</summary>
public sealed class PasswordModel(SignInManager<StaffUser> signIn, GongkaiDbContext db) : PageModel
{
    [BindProperty] public string? Current { get; set; }

    [BindProperty] public string? NewPassword { get; set; }

    [BindProperty] public string? Confirm { get; set; }

    public bool Required => User.FindFirst(StaffSecurity.RestrictedClaim)?.Value == StaffSecurity.MustChangePassword;

    public List<string> Errors { get; } = [];

    public string? Done { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await signIn.UserManager.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (string.IsNullOrEmpty(Current) || string.IsNullOrEmpty(NewPassword))
        {
            Errors.Add("请填写当前密码和新密码");
        }
        else if (NewPassword != Confirm)
        {
            Errors.Add("两次输入的新密码不一致");
        }
        else if (NewPassword == Current)
        {
            Errors.Add("新密码不能与当前密码相同");
        }
        else
        {
            var result = await signIn.UserManager.ChangePasswordAsync(user, Current, NewPassword);
            Errors.AddRange(result.Errors.Select(e => e.Code == "PasswordMismatch" ? "当前密码不正确" : e.Description));
        }

        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        user.MustChangePassword = false;
        await signIn.UserManager.UpdateAsync(user);
        await StaffSecurity.AuditAsync(db, user.UserName!, user.UserName!, "password-changed", ct: ct);
        await signIn.RefreshSignInAsync(user); // this session goes on; the others ended with the stamp
        return LocalRedirect("/admin");
    }
}
