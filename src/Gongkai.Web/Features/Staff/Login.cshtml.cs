using Gongkai.Data.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Features.Staff;

/// <summary>
/// Staff sign-in. Every failure answers the same words — unknown name, wrong password, locked or
/// disabled account — so the page never tells which user names exist. Five wrong passwords lock an
/// account for 15 minutes, except for accounts with a second factor: their password alone opens
/// nothing, so nobody can lock a 管理员 out by guessing on purpose (wrong codes still count).
/// Attempts are limited per address (<see cref="ApplicationLimits.SignInPolicy"/>) and audited.
/// </summary>
[EnableRateLimiting(ApplicationLimits.SignInPolicy)]
public sealed class LoginModel(SignInManager<StaffUser> signIn, GongkaiDbContext db) : PageModel
{
    public const string FailedMessage = "用户名或密码不正确，或账号已被锁定或停用";

    [BindProperty] public string? UserName { get; set; }

    [BindProperty] public string? Password { get; set; }

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public string? Failed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            Failed = "请输入用户名和密码";
            return Page();
        }

        var name = UserName.Trim();
        var user = await signIn.UserManager.FindByNameAsync(name);
        if (user is null)
        {
            // The same work as a real check, so the answer's timing does not tell either.
            signIn.UserManager.PasswordHasher.VerifyHashedPassword(new StaffUser { UserName = name, DisplayName = "", AgencyId = "" }, DummyHash, Password);
            await StaffSecurity.AuditAsync(db, "（匿名）", Printable(name), "sign-in-failed", new { reason = "unknown-user" }, ct);
            Failed = FailedMessage;
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: !user.TwoFactorEnabled);
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Staff/LoginTwoFactor", new { ReturnUrl });
        }

        if (result.Succeeded)
        {
            await StaffSecurity.AuditAsync(db, user.UserName!, user.UserName!, "signed-in", ct: ct);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/admin");
        }

        await StaffSecurity.AuditAsync(db, "（匿名）", user.UserName!, "sign-in-failed",
            new { reason = result.IsLockedOut ? "locked-out" : result.IsNotAllowed ? "not-allowed" : "password" }, ct);
        Failed = FailedMessage;
        return Page();
    }

    private static string Printable(string name) => new(name.Where(ch => !char.IsControl(ch)).Take(100).ToArray());

    /// <summary>A hash of a random password, verified for unknown names.</summary>
    private static readonly string DummyHash = new PasswordHasher<StaffUser>().HashPassword(new StaffUser { UserName = "-", DisplayName = "", AgencyId = "" }, Guid.NewGuid().ToString());
}
