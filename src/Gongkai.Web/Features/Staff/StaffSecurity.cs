using System.Security.Claims;
using Gongkai.Core.Identity;
using Gongkai.Core.Publishing;
using Gongkai.Data.Model;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Gongkai.Web.Features.Staff;

/// <summary>
/// The rules of a staff account beyond its password (OWASP ASVS L2 V2/V3, 等保2.0 三级 身份鉴别):
/// which roles must use a second factor (<c>Security:TwoFactorRoles</c>, default 管理员 and 分管领导),
/// whether a session is restricted until the password is changed or the authenticator enrolled,
/// and the sign-in audit trail.
/// </summary>
public sealed class StaffSecurity(IConfiguration configuration)
{
    public const string RestrictedClaim = "gongkai:restricted";
    public const string MustChangePassword = "password";
    public const string MustEnrolTwoFactor = "two-factor";

    public IReadOnlyList<string> TwoFactorRoles { get; } =
        configuration.GetSection("Security:TwoFactorRoles").Get<string[]>() is { Length: > 0 } roles ? roles : [StaffRoles.Admin, StaffRoles.Leader];

    public bool RequiresTwoFactor(IEnumerable<string> roles) => roles.Any(TwoFactorRoles.Contains);

    /// <summary>Writes an audit entry about an account (sign-in, logout, changes, reveals) now.</summary>
    public static async Task AuditAsync(GongkaiDbContext db, string actor, string userName, string action, object? after = null, CancellationToken ct = default)
    {
        db.Audit.Add(AuditRow.Of(actor.Length > 100 ? actor[..100] : actor, "staff", userName.Length > 100 ? userName[..100] : userName, action, after: after));
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Adds the restriction claim to a signed-in principal (rebuilt on every request by the security-stamp check).</summary>
public sealed class StaffClaimsFactory(UserManager<StaffUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, StaffSecurity security)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(StaffSecurity.RestrictedClaim, StaffSecurity.MustChangePassword));
        }
        else if (!user.TwoFactorEnabled && security.RequiresTwoFactor(await UserManager.GetRolesAsync(user)))
        {
            identity.AddClaim(new Claim(StaffSecurity.RestrictedClaim, StaffSecurity.MustEnrolTwoFactor));
        }

        return identity;
    }
}

/// <summary>A disabled account cannot sign in, and its sessions end at their next request.</summary>
public sealed class StaffSignInManager(
    UserManager<StaffUser> users, IHttpContextAccessor context, IUserClaimsPrincipalFactory<StaffUser> claims, IOptions<IdentityOptions> options,
    ILogger<SignInManager<StaffUser>> logger, IAuthenticationSchemeProvider schemes, IUserConfirmation<StaffUser> confirmation)
    : SignInManager<StaffUser>(users, context, claims, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(StaffUser user) => !user.IsDisabled && await base.CanSignInAsync(user);

    public override async Task<StaffUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal) =>
        await base.ValidateSecurityStampAsync(principal) is { IsDisabled: false } user ? user : null;
}

/// <summary>
/// Lockout on the product's one clock: Identity 10's UserManager reads the wall clock for it
/// (TimeProvider support arrives in .NET 11), so the two lockout decisions are made here.
/// </summary>
public sealed class StaffUserManager(
    IUserStore<StaffUser> store, IOptions<IdentityOptions> options, IPasswordHasher<StaffUser> hasher, IEnumerable<IUserValidator<StaffUser>> userValidators,
    IEnumerable<IPasswordValidator<StaffUser>> passwordValidators, ILookupNormalizer normalizer, IdentityErrorDescriber errors, IServiceProvider services,
    ILogger<UserManager<StaffUser>> logger, TimeProvider clock)
    : UserManager<StaffUser>(store, options, hasher, userValidators, passwordValidators, normalizer, errors, services, logger)
{
    public override async Task<bool> IsLockedOutAsync(StaffUser user) =>
        await GetLockoutEnabledAsync(user) && await GetLockoutEndDateAsync(user) is { } end && end >= clock.GetUtcNow();

    public override async Task<IdentityResult> AccessFailedAsync(StaffUser user)
    {
        var lockout = (IUserLockoutStore<StaffUser>)Store;
        var count = await lockout.IncrementAccessFailedCountAsync(user, CancellationToken);
        if (count >= Options.Lockout.MaxFailedAccessAttempts)
        {
            await lockout.SetLockoutEndDateAsync(user, clock.GetUtcNow().Add(Options.Lockout.DefaultLockoutTimeSpan), CancellationToken);
            await lockout.ResetAccessFailedCountAsync(user, CancellationToken);
        }

        return await UpdateUserAsync(user);
    }
}

/// <summary>
/// The authenticator (TOTP) token provider on the product's one clock (Identity's own reads the wall
/// clock). Keys are Identity's authenticator keys (Base32, in staff_user_tokens).
/// </summary>
public sealed class ClockAuthenticatorTokenProvider(TimeProvider clock) : IUserTwoFactorTokenProvider<StaffUser>
{
    public const string Name = "GongkaiAuthenticator";

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<StaffUser> manager, StaffUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    public Task<string> GenerateAsync(string purpose, UserManager<StaffUser> manager, StaffUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<StaffUser> manager, StaffUser user) =>
        await manager.GetAuthenticatorKeyAsync(user) is { Length: > 0 } key && Totp.Verify(Totp.FromBase32(key), token, clock.GetUtcNow());
}

/// <summary>Password policy beyond length: not the user name (nor contain it).</summary>
public sealed class NotUserNamePasswordValidator : IPasswordValidator<StaffUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user, string? password) =>
        Task.FromResult(password is not null && user.UserName is { Length: > 0 } name && password.Contains(name, StringComparison.OrdinalIgnoreCase)
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordContainsUserName", Description = "密码不能包含用户名" })
            : IdentityResult.Success);
}

/// <summary>
/// A restricted session (password to change, authenticator to enrol) reaches only /account and
/// /logout: everything else in the workspace and the cases API sends it to /account.
/// </summary>
public static class StaffRestrictions
{
    public static IApplicationBuilder UseStaffRestrictions(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (context.User.FindFirst(StaffSecurity.RestrictedClaim) is { } restricted
                && (path.StartsWithSegments("/admin", StringComparison.Ordinal) || path.StartsWithSegments("/api/cases", StringComparison.Ordinal)))
            {
                if (path.StartsWithSegments("/api", StringComparison.Ordinal))
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return;
                }

                context.Response.Redirect(restricted.Value == StaffSecurity.MustChangePassword ? "/account/password" : "/account/two-factor");
                return;
            }

            await next();
        });
}
