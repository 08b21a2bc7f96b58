using Gongkai.Data.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Features.Staff;

/// <summary>The second step of signing in: the 6-digit code of the authenticator app (TOTP).</summary>
[EnableRateLimiting(ApplicationLimits.SignInPolicy)]
public sealed class LoginTwoFactorModel(SignInManager<StaffUser> signIn, GongkaiDbContext db) : PageModel
{
    [BindProperty] public string? Code { get; set; }

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public string? Failed { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Staff/Login") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return RedirectToPage("/Staff/Login");
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync((Code ?? "").Replace(" ", "", StringComparison.Ordinal), isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await StaffSecurity.AuditAsync(db, user.UserName!, user.UserName!, "signed-in", new { secondFactor = "totp" }, ct);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/admin");
        }

        await StaffSecurity.AuditAsync(db, "（匿名）", user.UserName!, "sign-in-failed", new { reason = result.IsLockedOut ? "locked-out" : "totp" }, ct);
        Failed = result.IsLockedOut ? LoginModel.FailedMessage : "验证码不正确，请输入身份验证器中当前的 6 位数字";
        return Page();
    }
}
