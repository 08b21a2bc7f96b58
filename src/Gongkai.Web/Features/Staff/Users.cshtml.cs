using Gongkai.Core.Publishing;
using Gongkai.Data.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Features.Staff;

/// <summary>A 管理员 creates staff accounts for the agencies in their scope; the first password is generated and shown once.</summary>
/// <remarks>
/// Account management (ASVS V2/V3): disable and enable, unlock, reset the password (a new generated one,
/// shown once, to be changed at the next sign-in; every session of the account ends), reset the
/// authenticator, change the role. Only for accounts of agencies in the 管理员's scope, never on
/// oneself (a 管理员 cannot lock themselves out), and every change is audited.
/// </remarks>
public sealed class UsersModel(UserManager<StaffUser> users, StaffScopes scopes, GongkaiDbContext db) : StaffPage(scopes)
{
    [BindProperty] public string? UserName { get; set; }

    [BindProperty] public string? DisplayName { get; set; }

    [BindProperty] public string? AgencyId { get; set; }

    [BindProperty] public string? Role { get; set; }

    public IReadOnlyList<(StaffUser User, IList<string> Roles)> Users { get; private set; } = [];

    public (string UserName, string Password)? Created { get; private set; }

    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Staff.IsIn(StaffRoles.Admin))
        {
            return Forbid();
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Staff.IsIn(StaffRoles.Admin))
        {
            return Forbid();
        }

        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrWhiteSpace(DisplayName) || DisplayName.Length > 100)
        {
            Errors.Add("请填写用户名和姓名");
        }

        if (AgencyId is null || !Staff.Covers(AgencyId))
        {
            Errors.Add("只能为本机关及下属机关建立账号");
        }

        if (Role is null || !StaffRoles.All.Contains(Role))
        {
            Errors.Add("请选择角色");
        }

        if (Errors.Count == 0)
        {
            var password = WorkspaceSeeder.NewPassword();
            var user = new StaffUser { UserName = UserName!.Trim(), DisplayName = DisplayName!.Trim(), AgencyId = AgencyId! };
            var result = await users.CreateAsync(user, password);
            if (result.Succeeded)
            {
                await users.AddToRoleAsync(user, Role!);
                user.MustChangePassword = true;
                await users.UpdateAsync(user);
                await StaffSecurity.AuditAsync(db, Staff.User.UserName!, user.UserName, "account-created", new { user.AgencyId, role = Role }, ct);
                Created = (user.UserName, password);
            }
            else
            {
                Errors.AddRange(result.Errors.Select(e => e.Description));
            }
        }

        await LoadAsync(ct);
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    /// <summary>One action on one account: disable, enable, unlock, reset, reset-2fa or role (with <see cref="Role"/>).</summary>
    public async Task<IActionResult> OnPostAccountAsync(string id, string action, CancellationToken ct)
    {
        if (!Staff.IsIn(StaffRoles.Admin))
        {
            return Forbid();
        }

        if (await users.FindByIdAsync(id) is not { } user || !Staff.Covers(user.AgencyId))
        {
            return NotFound();
        }

        if (user.Id == Staff.User.Id && action is "disable" or "role" or "reset-2fa")
        {
            Errors.Add("不能停用自己的账号、更改自己的角色或重置自己的身份验证器");
        }
        else
        {
            switch (action)
            {
                case "disable" or "enable":
                    user.IsDisabled = action == "disable";
                    await users.UpdateAsync(user);
                    await users.UpdateSecurityStampAsync(user); // a disabled account's sessions end now
                    break;
                case "unlock":
                    await users.SetLockoutEndDateAsync(user, null);
                    await users.ResetAccessFailedCountAsync(user);
                    break;
                case "reset":
                    var password = WorkspaceSeeder.NewPassword();
                    await users.RemovePasswordAsync(user);
                    await users.AddPasswordAsync(user, password);
                    user.MustChangePassword = true;
                    await users.UpdateAsync(user);
                    await users.UpdateSecurityStampAsync(user);
                    Created = (user.UserName!, password);
                    break;
                case "reset-2fa":
                    await users.SetTwoFactorEnabledAsync(user, false);
                    await users.ResetAuthenticatorKeyAsync(user);
                    break;
                case "role" when Role is not null && StaffRoles.All.Contains(Role):
                    await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user));
                    await users.AddToRoleAsync(user, Role);
                    await users.UpdateSecurityStampAsync(user);
                    break;
                default:
                    Errors.Add("未知的操作或角色");
                    break;
            }

            if (Errors.Count == 0)
            {
                await StaffSecurity.AuditAsync(db, Staff.User.UserName!, user.UserName!, "account-" + action, action == "role" ? new { role = Role } : null, ct);
                Flash = action switch
                {
                    "disable" => $"已停用 {user.UserName}",
                    "enable" => $"已启用 {user.UserName}",
                    "unlock" => $"已解除 {user.UserName} 的锁定",
                    "reset-2fa" => $"已重置 {user.UserName} 的身份验证器，下次登录须重新绑定",
                    "role" => $"已将 {user.UserName} 的角色改为 {Role}",
                    _ => null,
                };
            }
        }

        await LoadAsync(ct);
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var list = await users.Users.Where(u => Staff.AgencyIds.Contains(u.AgencyId)).OrderBy(u => u.AgencyId).ThenBy(u => u.UserName).ToListAsync(ct);
        var result = new List<(StaffUser, IList<string>)>();
        foreach (var u in list)
        {
            result.Add((u, await users.GetRolesAsync(u)));
        }

        Users = result;
    }
}
