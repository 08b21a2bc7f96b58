using Gongkai.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Features.Notifications;

/// <summary>Staff who receive email from the jobs: an address, reminders on, not disabled, holding one of the roles.</summary>
public static class StaffRecipients
{
    public static Task<List<StaffUser>> WithEmailAsync(GongkaiDbContext db, IReadOnlyCollection<string> roles, CancellationToken ct) =>
        (from u in db.Users.AsNoTracking()
         join ur in db.UserRoles on u.Id equals ur.UserId
         join r in db.Roles on ur.RoleId equals r.Id
         where u.EmailReminders && !u.IsDisabled && u.Email != null && roles.Contains(r.Name!)
         select u).Distinct().ToListAsync(ct);
}
