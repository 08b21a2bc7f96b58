using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Xml.Linq;
using Gongkai.Data;
using Gongkai.Data.Model;
using Gongkai.Data.Privacy;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Gongkai.Web.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.WebEncoders;

namespace Gongkai.Web.Features.Staff;

/// <summary>
/// Staff sign-in (ASP.NET Core Identity on the Gongkai database), the workspace's authorisation,
/// and the data-protection keys kept in the database so that cookies and antiforgery tokens stay
/// valid across restarts and web nodes (DESIGN §3: the web tier is stateless).
/// </summary>
public static class StaffSetup
{
    /// <summary>Minimum password length (OWASP ASVS 2.1.1: at least 12).</summary>
    public const int MinPasswordLength = 12;

    /// <summary>The sign-in cookie; a request carrying it is never served from, nor stored in, the portal's output cache.</summary>
    public const string CookieName = "gongkai.staff";

    public static IServiceCollection AddGongkaiStaff(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<StaffSecurity>();
        services.AddIdentity<StaffUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = MinPasswordLength;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = false;
                o.Tokens.AuthenticatorTokenProvider = ClockAuthenticatorTokenProvider.Name;
            })
            .AddEntityFrameworkStores<GongkaiDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<ClockAuthenticatorTokenProvider>(ClockAuthenticatorTokenProvider.Name)
            .AddPasswordValidator<NotUserNamePasswordValidator>()
            .AddClaimsPrincipalFactory<StaffClaimsFactory>()
            .AddSignInManager<StaffSignInManager>()
            .AddUserManager<StaffUserManager>()
            .AddErrorDescriber<ChineseIdentityErrors>();
        // Every request checks the account's security stamp: logout, a password change or disabling
        // the account ends every other session (a copied cookie) at once.
        // (Identity validates when the time since the cookie was issued exceeds the interval; one tick
        // below zero makes that every request, even two in the same instant of the clock.)
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromTicks(-1));
        var behindTls = configuration.GetValue("Security:BehindTlsProxy", false);
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/login";
            o.LogoutPath = "/logout";
            o.AccessDeniedPath = "/denied";
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = behindTls ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            // Idle timeout: a session unused this long is over (等保 三级: 登录连接超时自动退出).
            o.ExpireTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Security:IdleTimeoutMinutes", 30));
            o.SlidingExpiration = true;

            // The JSON API answers 401/403 instead of redirecting to the login page.
            o.Events.OnRedirectToLogin = context => ApiStatusOr(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => ApiStatusOr(context, StatusCodes.Status403Forbidden);
        });
        services.AddScoped<StaffScopes>();
        services.AddDataProtection().SetApplicationName("gongkai");
        services.AddOptions<KeyManagementOptions>().Configure<StorageOptions, TimeProvider>((o, storage, clock) =>
        {
            o.XmlRepository = new DatabaseXmlRepository(storage.Db, clock);
            // The keys are encrypted with the personal-data key ring (outside the database): a copy of
            // the database alone cannot forge cookies or antiforgery tokens.
            o.XmlEncryptor = new KeyRingXmlEncryptor(PersonalDataKeys.ForDatabase(storage.Db));
        });

        // Razor would otherwise write every Chinese character as &#x…; entity.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return services;
    }

    private static Task ApiStatusOr(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    /// <summary>Data-protection keys in the data_protection_keys table.</summary>
    private sealed class DatabaseXmlRepository(string db, TimeProvider clock) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements()
        {
            using var context = GongkaiDatabase.Open(db, clock);
            return context.DataProtectionKeys.Select(k => k.Xml).ToList().Select(XElement.Parse).ToArray();
        }

        public void StoreElement(XElement element, string friendlyName)
        {
            using var context = GongkaiDatabase.Open(db, clock);
            context.DataProtectionKeys.Add(new DataProtectionKeyRow { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
            context.SaveChanges();
        }
    }
}

/// <summary>Encrypts a data-protection key's XML with the personal-data key ring (AES-256-GCM).</summary>
public sealed class KeyRingXmlEncryptor(PersonalDataKeys keys) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement) =>
        new(new XElement("encryptedKey", new XComment(" Gongkai：以个人信息密钥环加密 "), new XElement("value", keys.Protect(plaintextElement.ToString(SaveOptions.DisableFormatting)))), typeof(KeyRingXmlDecryptor));
}

/// <summary>Decrypts what <see cref="KeyRingXmlEncryptor"/> wrote (created by data protection with the service provider).</summary>
public sealed class KeyRingXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) =>
        XElement.Parse(PersonalDataKeys.ForDatabase(services.GetRequiredService<StorageOptions>().Db).Unprotect((string)encryptedElement.Element("value")!));
}

/// <summary>Identity's messages in zh-CN.</summary>
public sealed class ChineseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"密码至少 {length} 位" };

    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = "密码须包含数字" };

    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = "密码须包含小写字母" };

    public override IdentityError PasswordRequiresUpper() => new() { Code = nameof(PasswordRequiresUpper), Description = "密码须包含大写字母" };

    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"用户名 {userName} 已被使用" };

    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = "用户名只能包含字母、数字和 -._@+" };
}
