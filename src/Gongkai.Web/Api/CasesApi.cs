using Gongkai.Core.Calendar;
using Gongkai.Core.Cases;
using Gongkai.Core.Statute;
using Gongkai.Data.Cases;
using Gongkai.Data.Model;
using Gongkai.Web.Applications;
using Gongkai.Web.Staff;
using Gongkai.Web.Workspace;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Web.Api;

public sealed record CaseListItem(string TrackingNumber, string AgencyId, string ApplicantType, DateOnly ReceivedOn, string Status, DateOnly? DueOn, string DeadlineState);

public sealed record CaseEventItem(string Kind, DateOnly On, string Text);

/// <param name="Email">The applicant's email, if given.</param>
/// <param name="Address">The applicant's postal address (通信地址), if given.</param>
public sealed record CaseDetail(CaseListItem Case, string Description, string? DueExplanation, IReadOnlyList<CaseEventItem> Events, string? Email = null, string? Address = null);

/// <summary>A ledger step posted as JSON. Kind is one of the ledger's event kinds (correction-requested, decided, …).</summary>
/// <param name="Outcome">For decided: an <see cref="Outcome"/> name, e.g. PartlyDisclosed.</param>
/// <param name="Party">For consultation-sent: ThirdParty or Agency.</param>
public sealed record CaseEventRequest(string? Kind, DateOnly? On, string? Outcome, string? Reasons, int? Workdays, string? Party);

/// <summary>
/// The workspace's cases as JSON, for a signed-in staff member and only within their agencies
/// (others' cases are 404). Steps go through the same ledger checks and role rules as the case page.
/// </summary>
public static class CasesApi
{
    public static void MapCasesApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/cases").WithTags("cases").RequireAuthorization();
        api.MapGet("/", ListAsync);
        api.MapGet("/{trackingNumber}", GetAsync);
        api.MapPost("/{trackingNumber}/events", AppendAsync);
    }

    private static CaseListItem AsItem(this CaseSummary c) => new(
        c.Row.TrackingNumber, c.Row.AgencyId, ApplicantColumns.For((ApplicantType)c.Row.ApplicantType).Key, c.Row.ReceivedOn,
        ApplicationIntakeRules.StatusText(c.Ledger.Status), c.Due?.Date, c.State.ToString());

    public static async Task<Results<Ok<CaseListItem[]>, UnauthorizedHttpResult>> ListAsync(bool? open, HttpContext http, StaffScopes scopes, GongkaiDbContext db, CancellationToken ct)
    {
        if (await scopes.ForAsync(http.User, ct) is not { } staff)
        {
            return TypedResults.Unauthorized();
        }

        var cases = await CaseBoard.ListAsync(db, staff.AgencyIds, open ?? true, null, 1000, ct);
        return TypedResults.Ok(cases.Select(c => c.AsItem()).ToArray());
    }

    public static async Task<Results<Ok<CaseDetail>, ProblemHttpResult, UnauthorizedHttpResult>> GetAsync(string trackingNumber, HttpContext http, StaffScopes scopes, GongkaiDbContext db, CancellationToken ct)
    {
        if (await scopes.ForAsync(http.User, ct) is not { } staff)
        {
            return TypedResults.Unauthorized();
        }

        if (await CaseBoard.FindAsync(db, staff, trackingNumber, ct) is not { } c)
        {
            return ApiProblems.NotFound($"没有申请编号为 {trackingNumber} 的案件");
        }

        // The detail carries the applicant's contact details in full: a read of personal data, audited like a reveal on the case page.
        db.Audit.Add(Gongkai.Data.Model.AuditRow.Of(staff.User.UserName!, "application", trackingNumber, "personal-data-read-api"));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new CaseDetail(c.AsItem(), c.Row.Description, c.Due?.ToText(), c.Ledger.Events.Select(e => new CaseEventItem(CaseStore.Kind(e), e.On, CaseBoard.EventText(e))).ToArray(), c.Row.Email, c.Row.Address));
    }

    public static async Task<Results<Ok<CaseListItem>, ProblemHttpResult, ForbidHttpResult, UnauthorizedHttpResult>> AppendAsync(
        string trackingNumber, CaseEventRequest request, HttpContext http, StaffScopes scopes, GongkaiDbContext db, CaseStore store, CancellationToken ct)
    {
        if (await scopes.ForAsync(http.User, ct) is not { } staff)
        {
            return TypedResults.Unauthorized();
        }

        if (await CaseBoard.FindAsync(db, staff, trackingNumber, ct) is null)
        {
            return ApiProblems.NotFound($"没有申请编号为 {trackingNumber} 的案件");
        }

        if (!staff.IsIn(CaseActions.RoleFor(request.Kind)))
        {
            return TypedResults.Forbid();
        }

        var today = db.Clock.TodayInChina();
        var on = request.On ?? today;
        if (CaseActions.ToEvent(new CaseAction(request.Kind, on, request.Outcome, request.Reasons, request.Workdays, request.Party), staff.User.DisplayName) is not { } e)
        {
            return ApiProblems.Refused(CaseActions.Incomplete);
        }

        if (on > today)
        {
            return ApiProblems.Refused("办理日期不能晚于今天");
        }

        try
        {
            await store.AppendAsync(trackingNumber, e, staff.User.DisplayName, ct);
        }
        catch (LedgerException ex)
        {
            return ApiProblems.Refused(ex.Message);
        }

        return TypedResults.Ok((await CaseBoard.FindAsync(db, staff, trackingNumber, ct))!.AsItem());
    }
}
