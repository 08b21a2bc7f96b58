using System.Security.Claims;
using Gongkai.Core.Publishing;
using Gongkai.Data.Model;
using Gongkai.Data.Publishing;
using Gongkai.Data.Reports;
using Microsoft.AspNetCore.Identity;

namespace Gongkai.Web.Features.Staff;

/// <summary>
/// What a signed-in staff member may see and do: their roles, and the agencies in their scope —
/// their own agency and, for a government's 政务公开办, every agency below it. Every workspace
/// query filters by <see cref="AgencyIds"/>; a case or item outside it is answered 404, as if it did not exist.
/// </summary>
public sealed record StaffScope(StaffUser User, IReadOnlySet<string> Roles, IReadOnlyList<AgencyRow> Agencies)
{
    public IReadOnlyList<string> AgencyIds { get; } = Agencies.Select(a => a.Id).ToArray();

    public bool Covers(string agencyId) => AgencyIds.Contains(agencyId);

    public bool IsIn(string role) => Roles.Contains(role);

    public Actor Actor => new(User.Id, User.DisplayName, Roles.ToArray());

    /// <summary>A government with agencies below it (its 政务公开办 reviews their reports).</summary>
    public bool SupervisesOthers => Agencies.Count > 1;
}

public sealed class StaffScopes(GongkaiDbContext db, UserManager<StaffUser> users)
{
    private StaffScope? _current;

    public async Task<StaffScope?> ForAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        if (_current is not null)
        {
            return _current;
        }

        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return null;
        }

        var roles = (await users.GetRolesAsync(user)).ToHashSet(StringComparer.Ordinal);
        var agencies = await RecordsReport.ScopeAsync(db, user.AgencyId, includeSubordinates: true, ct);
        return _current = new StaffScope(user, roles, agencies);
    }

    public static IReadOnlyList<string> Roles => StaffRoles.All;
}
