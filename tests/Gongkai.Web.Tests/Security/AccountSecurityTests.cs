using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Core.Identity;
using Gongkai.Data.Audit;
using Gongkai.Data.Model;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Security;

/// <summary>Sessions, second factor, account management and the sign-in audit (each test on its own application: some move the clock).</summary>
public sealed partial class AccountSecurityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static (WebClient Client, CookieContainer Cookies) ClientWithCookies(AppFactory app, CookieContainer? cookies = null)
    {
        cookies ??= new CookieContainer();
        return (new WebClient(app.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies)), app.CodeFor), cookies);
    }

    private static string? Location(HttpResponseMessage response) => response.Headers.Location?.OriginalString;

    [Fact]
    public async Task ACopiedCookie_IsRefusedAfterLogout()
    {
        using var app = new AppFactory();
        var (clerk, cookies) = ClientWithCookies(app);
        await clerk.LoginAsync(await app.CreateStaffAsync("经办人", "BGQ-05"), AppFactory.Password);
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync("/admin")).StatusCode);
        var copied = cookies.GetCookies(new Uri("http://localhost"))["gongkai.staff"]!.Value;

        var thief = new CookieContainer();
        thief.Add(new Uri("http://localhost"), new Cookie("gongkai.staff", copied));
        var (stolen, _) = ClientWithCookies(app, thief);
        Assert.Equal(HttpStatusCode.OK, (await stolen.GetAsync("/admin")).StatusCode); // the copy works while the session lives

        Assert.Equal(HttpStatusCode.Redirect, (await clerk.PostFormAsync("/admin", Array.Empty<(string Key, string Value)>(), withToken: true, action: "/logout")).StatusCode);
        var after = await stolen.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("http://localhost/login", Location(after), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnIdleSession_EndsAfter30Minutes()
    {
        using var app = new AppFactory();
        var clerk = await app.SignedInAsync("经办人", "BGQ-05");
        app.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync("/admin")).StatusCode); // used: the 30 minutes start again
        app.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync("/admin")).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task AnAdministrator_CannotSignInWithoutTheAuthenticatorCode()
    {
        using var app = new AppFactory();
        var admin = await app.CreateStaffAsync("管理员", "BGQ");
        var client = app.Browser();
        var first = await client.PostFormAsync("/login", ("UserName", admin), ("Password", AppFactory.Password));
        Assert.StartsWith("/login/two-factor", Location(first), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode); // the password alone opens nothing

        var wrong = await client.PostFormAsync("/login/two-factor", ("Code", "000000" == app.CodeFor(admin) ? "111111" : "000000"));
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("验证码不正确", await wrong.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);

        var right = await client.PostFormAsync("/login/two-factor", ("Code", app.CodeFor(admin)!));
        Assert.Equal("/admin", Location(right));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);

        // Guessing the password of an account with a second factor cannot lock its owner out.
        var guesser = app.Browser();
        for (var i = 0; i < 8; i++)
        {
            await guesser.PostFormAsync("/login", ("UserName", admin), ("Password", "wrong-password-" + i));
        }

        await app.Browser().LoginAsync(admin, AppFactory.Password);
    }

    [Fact]
    public async Task AnAdministratorWithoutAnAuthenticator_MustEnrolOne_BeforeTheWorkspaceOpens()
    {
        using var app = new AppFactory();
        string userName;
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            userName = "newadmin";
            var user = new StaffUser { UserName = userName, DisplayName = "新管理员", AgencyId = "BGQ" };
            Assert.True((await users.CreateAsync(user, AppFactory.Password)).Succeeded);
            await users.AddToRoleAsync(user, "管理员");
        }

        var client = app.Browser();
        await client.LoginAsync(userName, AppFactory.Password);
        var workspace = await client.GetAsync("/admin");
        Assert.Equal("/account/two-factor", Location(workspace));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/cases")).StatusCode);

        var page = await client.GetStringAsync("/account/two-factor");
        Assert.Contains("data:image/png;base64,", page, StringComparison.Ordinal);
        var key = KeyOnPage().Match(page).Groups[1].Value;
        var enrolled = await client.PostFormAsync("/account/two-factor", ("Code", Totp.Code(Totp.FromBase32(key), app.Clock.GetUtcNow())));
        Assert.Equal("/admin", Location(enrolled));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);
        using var check = app.Services.CreateScope();
        Assert.True((await check.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByNameAsync(userName))!.TwoFactorEnabled);
    }

    [Fact]
    public async Task SignInFailures_AllSayTheSame_AndAreAudited_AndLockoutHolds()
    {
        using var app = new AppFactory();
        var clerk = await app.CreateStaffAsync("经办人", "BGQ-05");
        async Task<string> Fail(string user, string password)
        {
            var response = await app.Browser().PostFormAsync("/login", ("UserName", user), ("Password", password));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return Regex.Match(await response.Content.ReadAsStringAsync(Ct), "role=\"alert\">([^<]+)<").Groups[1].Value;
        }

        var unknown = await Fail("nobody-here", "Whatever-123456");
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(unknown, await Fail(clerk, "Wrong-Password-" + i));
        }

        Assert.Equal(unknown, await Fail(clerk, AppFactory.Password)); // locked now: the right password gets the same answer
        app.Clock.Advance(TimeSpan.FromMinutes(16));
        await app.Browser().LoginAsync(clerk, AppFactory.Password);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var actions = await db.Audit.Where(a => a.Entity == "staff").Select(a => a.EntityKey + ":" + a.Action).ToListAsync(Ct);
        Assert.Contains("nobody-here:sign-in-failed", actions);
        Assert.Equal(6, actions.Count(a => a == clerk + ":sign-in-failed"));
        Assert.Contains(clerk + ":signed-in", actions);
        Assert.True(AuditChain.Verify(db).Intact);
    }

    [Fact]
    public async Task AnAdministrator_ManagesAccounts_AndANewAccountMustChangeItsPassword()
    {
        using var app = new AppFactory();
        var admin = await app.SignedInAsync("管理员", "BGQ");
        var created = await admin.PostFormAsync("/admin/users", ("UserName", "newclerk"), ("DisplayName", "冯经办"), ("AgencyId", "BGQ-02"), ("Role", "经办人"));
        var password = Regex.Match(await created.Content.ReadAsStringAsync(Ct), "初始密码 <strong>([^<]+)</strong>").Groups[1].Value;
        Assert.Equal(14, password.Length);

        var newcomer = app.Browser();
        await newcomer.LoginAsync("newclerk", password);
        Assert.Equal("/account/password", Location(await newcomer.GetAsync("/admin")));
        var weak = await newcomer.PostFormAsync("/account/password", ("Current", password), ("NewPassword", "newclerk-Abc123"), ("Confirm", "newclerk-Abc123"));
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Contains("密码不能包含用户名", await weak.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var shortOne = await newcomer.PostFormAsync("/account/password", ("Current", password), ("NewPassword", "Abc12345"), ("Confirm", "Abc12345"));
        Assert.Contains("密码至少 12 位", await shortOne.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal("/admin", Location(await newcomer.PostFormAsync("/account/password", ("Current", password), ("NewPassword", "Lighthouse-Road-2026"), ("Confirm", "Lighthouse-Road-2026"))));
        Assert.Contains("冯经办", await newcomer.GetStringAsync("/admin"), StringComparison.Ordinal);

        string id;
        using (var scope = app.Services.CreateScope())
        {
            id = (await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByNameAsync("newclerk"))!.Id;
        }

        // Disabled: the open session ends at once and signing in fails with the usual words.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostFormAsync("/admin/users", [("id", id), ("action", "disable")], withToken: true, action: "/admin/users?handler=account")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await newcomer.GetAsync("/admin")).StatusCode);
        var refused = await app.Browser().PostFormAsync("/login", ("UserName", "newclerk"), ("Password", "Lighthouse-Road-2026"));
        Assert.Contains(Gongkai.Web.Features.Staff.LoginModel.FailedMessage, await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        await admin.PostFormAsync("/admin/users", [("id", id), ("action", "enable")], withToken: true, action: "/admin/users?handler=account");
        var changed = await admin.PostFormAsync("/admin/users", [("id", id), ("action", "role"), ("Role", "审核人")], withToken: true, action: "/admin/users?handler=account");
        Assert.Contains("角色改为 审核人", await changed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var reset = await admin.PostFormAsync("/admin/users", [("id", id), ("action", "reset")], withToken: true, action: "/admin/users?handler=account");
        var second = Regex.Match(await reset.Content.ReadAsStringAsync(Ct), "初始密码 <strong>([^<]+)</strong>").Groups[1].Value;
        var again = app.Browser();
        await again.LoginAsync("newclerk", second);
        Assert.Equal("/account/password", Location(await again.GetAsync("/admin")));

        // Outside the administrator's scope: as if the account did not exist.
        var outsider = await app.SignedInAsync("管理员", "BGQ-05");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostFormAsync("/admin/users", [("id", id), ("action", "disable")], withToken: true, action: "/admin/users?handler=account")).StatusCode);

        using var audit = app.Services.CreateScope();
        var db = audit.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var actions = await db.Audit.Where(a => a.Entity == "staff" && a.EntityKey == "newclerk").OrderBy(a => a.Seq).Select(a => a.Action).ToListAsync(Ct);
        Assert.Equal(["account-created", "signed-in", "password-changed", "account-disable", "sign-in-failed", "account-enable", "account-role", "account-reset", "signed-in"], actions);
    }

    private sealed class SignInLimitedFactory : AppFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("RateLimits:SignIn:PermitLimit", "3");
        }
    }

    [Fact]
    public async Task SignInAttempts_AreLimitedPerAddress()
    {
        using var app = new SignInLimitedFactory();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await app.Browser().PostFormAsync("/login", ("UserName", "someone" + i), ("Password", "Some-Password-1"))).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await app.Browser().GetAsync("/login")).StatusCode); // the form itself still opens
    }

    [GeneratedRegex("<code id=\"key\">([A-Z2-7]+)</code>")]
    private static partial Regex KeyOnPage();
}
