using Gongkai.Data.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Features.Staff;

/// <summary>One's own reminder settings: the email address the daily digest goes to, and whether it is sent at all.</summary>
public sealed class NotificationsModel(UserManager<StaffUser> users, GongkaiDbContext db) : PageModel
{
    [BindProperty] public string? Email { get; set; }

    [BindProperty] public bool EmailReminders { get; set; }

    public string? Error { get; private set; }

    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        (Email, EmailReminders) = (user.Email, user.EmailReminders);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        var email = string.IsNullOrWhiteSpace(Email) ? null : Email.Trim();
        if (email is not null && (email.Length > 200 || !System.Net.Mail.MailAddress.TryCreate(email, out _)))
        {
            Error = "电子邮箱格式不正确";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        user.Email = email;
        user.NormalizedEmail = email?.ToUpperInvariant();
        user.EmailReminders = EmailReminders;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            Error = string.Join("；", result.Errors.Select(e => e.Description));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await StaffSecurity.AuditAsync(db, user.UserName!, user.UserName!, "notification-settings", new { HasEmail = email is not null, user.EmailReminders });
        Done = EmailReminders && email is not null ? "已保存：工作日将向该邮箱发送到期提醒" : "已保存：不发送到期提醒";
        return Page();
    }
}
