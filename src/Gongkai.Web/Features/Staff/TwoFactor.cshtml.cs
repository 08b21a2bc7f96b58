using Gongkai.Core.Identity;
using Gongkai.Data.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace Gongkai.Web.Features.Staff;

/// <summary>
/// Enrol an authenticator app (TOTP): the key as a QR code (QRCoder, PNG) and as text; a correct
/// code switches two-factor sign-in on. Required for the roles of <see cref="StaffSecurity.TwoFactorRoles"/>.
/// </summary>
public sealed class TwoFactorModel(SignInManager<StaffUser> signIn, GongkaiDbContext db, StaffSecurity security) : PageModel
{
    public const string Issuer = "Gongkai 政府信息公开";

    [BindProperty] public string? Code { get; set; }

    public bool Enabled { get; private set; }

    public bool Required { get; private set; }

    public string Key { get; private set; } = "";

    public string QrDataUri { get; private set; } = "";

    public string? Failed { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Challenge();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync())
        {
            return Challenge();
        }

        var user = (await signIn.UserManager.GetUserAsync(User))!;
        if (!await signIn.UserManager.VerifyTwoFactorTokenAsync(user, ClockAuthenticatorTokenProvider.Name, (Code ?? "").Replace(" ", "", StringComparison.Ordinal)))
        {
            Failed = "验证码不正确：请确认手机时间准确，并输入身份验证器当前显示的 6 位数字";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await signIn.UserManager.SetTwoFactorEnabledAsync(user, true);
        await StaffSecurity.AuditAsync(db, user.UserName!, user.UserName!, "two-factor-enabled", ct: ct);
        await signIn.RefreshSignInAsync(user);
        return LocalRedirect("/admin");
    }

    private async Task<bool> LoadAsync()
    {
        var users = signIn.UserManager;
        if (await users.GetUserAsync(User) is not { } user)
        {
            return false;
        }

        Enabled = user.TwoFactorEnabled;
        Required = security.RequiresTwoFactor(await users.GetRolesAsync(user));
        if (!Enabled)
        {
            if (string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)))
            {
                await users.ResetAuthenticatorKeyAsync(user);
                await signIn.RefreshSignInAsync(user); // a new key changes the security stamp: keep this session
            }

            Key = (await users.GetAuthenticatorKeyAsync(user))!;
            using var data = QRCodeGenerator.GenerateQrCode(Totp.Uri(Issuer, user.UserName!, Key), QRCodeGenerator.ECCLevel.M);
            QrDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
        }

        return true;
    }
}
