using Gongkai.Core.Publishing;
using Gongkai.Data.Model;
using Gongkai.Web.Staff;
using Gongkai.Web.Workspace;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Admin;

/// <summary>A 管理员 creates staff accounts for the agencies in their scope; the first password is generated and shown once.</summary>
public sealed class UsersModel(UserManager<StaffUser> users, StaffScopes scopes) : StaffPage(scopes)
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
