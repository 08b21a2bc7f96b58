using Gongkai.Core.Calendar;
using Gongkai.Core.Cases;
using Gongkai.Core.Publishing;
using Gongkai.Core.Statute;
using Gongkai.Data.Cases;
using Gongkai.Data.Model;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Web.Features.Cases;

public sealed record CaseListItem(string TrackingNumber, string AgencyId, string ApplicantType, DateOnly ReceivedOn, string Status, DateOnly? DueOn, string DeadlineState);

public sealed record CaseEventItem(string Kind, DateOnly On, string Text);

/// <param name="Email">The applicant's email, if given.</param>
/// <param name="Address">The applicant's postal address (通信地址), if given.</param>
public sealed record CaseDetail(CaseListItem Case, string Description, string? DueExplanation, IReadOnlyList<CaseEventItem> Events, string? Email = null, string? Address = null);

/// <summary>A ledger step posted as JSON. Kind is one of the ledger's event kinds (correction-requested, decided, …).</summary>
/// <param name="Outcome">For decided: an <see cref="Outcome"/> name, e.g. PartlyDisclosed.</param>
/// <param name="Party">For consultation-sent: ThirdParty or Agency.</param>
public sealed record CaseEventRequest(string? Kind, DateOnly? On, string? Outcome, string? Reasons, int? Workdays, string? Party);

/// <summary>An answer for the agency's review chain: an <see cref="Outcome"/> name and the reasons.</summary>
public sealed record AnswerRequest(string? Outcome, string? Reasons);

/// <summary>退回 of an answer draft, with the reason.</summary>
public sealed record AnswerReturnRequest(string? Reason);

/// <summary>An answer in its review chain.</summary>
/// <param name="Next">reviewed or signed: the step it waits for; null once issued.</param>
public sealed record AnswerItem(string Outcome, string? Reasons, string DraftedBy, string? ReviewedBy, string? SignedBy, string? Next, bool Issued, CaseListItem Case);

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
        api.MapPost("/{trackingNumber}/answer", DraftAnswerAsync);
        api.MapPost("/{trackingNumber}/answer/review", (string trackingNumber, HttpContext http, StaffScopes scopes, GongkaiDbContext db, CaseBoard board, AnswerDraftStore answers, CancellationToken ct) =>
            AnswerStepAsync(trackingNumber, AnswerStep.Reviewed, http, scopes, db, board, answers, ct));
        api.MapPost("/{trackingNumber}/answer/sign", (string trackingNumber, HttpContext http, StaffScopes scopes, GongkaiDbContext db, CaseBoard board, AnswerDraftStore answers, CancellationToken ct) =>
            AnswerStepAsync(trackingNumber, AnswerStep.Signed, http, scopes, db, board, answers, ct));
        api.MapPost("/{trackingNumber}/answer/return", ReturnAnswerAsync);
    }

    private static CaseListItem AsItem(this CaseSummary c) => new(
        c.Row.TrackingNumber, c.Row.AgencyId, ApplicantColumns.For((ApplicantType)c.Row.ApplicantType).Key, c.Row.ReceivedOn,
        ApplicationIntakeRules.StatusText(c.Ledger.Status), c.Due?.Date, c.State.ToString());

    public static async Task<Results<Ok<CaseListItem[]>, UnauthorizedHttpResult>> ListAsync(bool? open, HttpContext http, StaffScopes scopes, GongkaiDbContext db, CaseBoard board, CancellationToken ct)
    {
        if (await scopes.ForAsync(http.User, ct) is not { } staff)
        {
            return TypedResults.Unauthorized();
        }

        var cases = await board.ListAsync(staff.AgencyIds, open ?? true, null, 1000, ct);
        return TypedResults.Ok(cases.Select(c => c.AsItem()).ToArray());
    }

    public static async Task<Results<Ok<CaseDetail>, ProblemHttpResult, UnauthorizedHttpResult>> GetAsync(string trackingNumber, HttpContext http, StaffScopes scopes, GongkaiDbContext db, CaseBoard board, CancellationToken ct)
    {
        if (await scopes.ForAsync(http.User, ct) is not { } staff)
        {
            return TypedResults.Unauthorized();
        }

        if (await board.FindAsync(staff, trackingNumber, ct) is not { } c)
        {
            return ApiProblems.NotFound($"没有申请编号为 {trackingNumber} 的案件");
        }

        // The detail carries the applicant's contact details in full: a read of personal data, audited like a reveal on the case page.
        db.Audit.Add(Gongkai.Data.Model.AuditRow.Of(staff.User.UserName!, "application", trackingNumber, "personal-data-read-api"));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new CaseDetail(c.AsItem(), c.Row.Description, c.Due?.ToText(), c.Ledger.Events.Select(e => new CaseEventItem(CaseStore.Kind(e), e.On, CaseBoard.EventText(e))).ToArray(), c.Row.Email, c.Row.Address));
    }

    public static async Task<Results<Ok<CaseListItem>, ProblemHttpResult, ForbidHttpResult, UnauthorizedHttpResult>> AppendAsync(
        string trackingNumber, CaseEventRequest request, HttpContext http, StaffScopes scopes, GongkaiDbContext db, CaseBoard board, AnswerDraftStore answers, CancellationToken ct)
    {
        if (await scopes.ForAsync(http.User, ct) is not { } staff)
        {
            return TypedResults.Unauthorized();
        }

        if (await board.FindAsync(staff, trackingNumber, ct) is null)
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
            await answers.RecordStepAsync(trackingNumber, e, staff.User.DisplayName, ct);
        }
        catch (LedgerException ex)
        {
            return ApiProblems.Refused(ex.Message);
        }

        return TypedResults.Ok((await board.FindAsync(staff, trackingNumber, ct))!.AsItem());
    }

    /// <summary>A 经办人 writes the answer: issued at once when the agency's chain needs no step for its outcome, else a draft for 审核 (and 签发).</summary>
    public static async Task<Results<Ok<AnswerItem>, ProblemHttpResult, ForbidHttpResult, UnauthorizedHttpResult>> DraftAnswerAsync(
        string trackingNumber, AnswerRequest request, HttpContext http, StaffScopes scopes, GongkaiDbContext db, CaseBoard board, AnswerDraftStore answers, CancellationToken ct)
    {
        if (await scopes.ForAsync(http.User, ct) is not { } staff)
        {
            return TypedResults.Unauthorized();
        }

        if (await board.FindAsync(staff, trackingNumber, ct) is null)
        {
            return ApiProblems.NotFound($"没有申请编号为 {trackingNumber} 的案件");
        }

        if (!staff.IsIn(StaffRoles.Clerk))
        {
            return TypedResults.Forbid();
        }

        if (!Enum.TryParse<Outcome>(request.Outcome, out var outcome) || !Enum.IsDefined(outcome) || request.Outcome != outcome.ToString())
        {
            return ApiProblems.Refused("outcome 应为表三的办理结果之一，如 Disclosed、PartlyDisclosed、NotHeld");
        }

        var reasons = string.IsNullOrWhiteSpace(request.Reasons) ? null : request.Reasons.Trim();
        if (reasons is { Length: > 4000 })
        {
            return ApiProblems.Refused("reasons 请在 4000 字以内");
        }

        return await AnswerResultAsync(trackingNumber, staff, db, board, () => answers.DraftAsync(trackingNumber, outcome, reasons, staff.Actor, ct), ct);
    }

    public static async Task<Results<Ok<AnswerItem>, ProblemHttpResult, ForbidHttpResult, UnauthorizedHttpResult>> AnswerStepAsync(
        string trackingNumber, AnswerStep step, HttpContext http, StaffScopes scopes, GongkaiDbContext db, CaseBoard board, AnswerDraftStore answers, CancellationToken ct)
    {
        if (await scopes.ForAsync(http.User, ct) is not { } staff)
        {
            return TypedResults.Unauthorized();
        }

        if (await board.FindAsync(staff, trackingNumber, ct) is null)
        {
            return ApiProblems.NotFound($"没有申请编号为 {trackingNumber} 的案件");
        }

        return !staff.IsIn(AnswerReview.RoleFor(step))
            ? TypedResults.Forbid()
            : await AnswerResultAsync(trackingNumber, staff, db, board, () => answers.StepAsync(trackingNumber, step, staff.Actor, ct), ct);
    }

    public static async Task<Results<Ok<CaseListItem>, ProblemHttpResult, UnauthorizedHttpResult>> ReturnAnswerAsync(
        string trackingNumber, AnswerReturnRequest request, HttpContext http, StaffScopes scopes, GongkaiDbContext db, CaseBoard board, AnswerDraftStore answers, CancellationToken ct)
    {
        if (await scopes.ForAsync(http.User, ct) is not { } staff)
        {
            return TypedResults.Unauthorized();
        }

        if (await board.FindAsync(staff, trackingNumber, ct) is null)
        {
            return ApiProblems.NotFound($"没有申请编号为 {trackingNumber} 的案件");
        }

        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 1000)
        {
            return ApiProblems.Refused("reason：请填写退回理由（1000 字以内）");
        }

        try
        {
            await answers.ReturnAsync(trackingNumber, request.Reason.Trim(), staff.Actor, ct);
        }
        catch (LedgerException ex)
        {
            return ApiProblems.Refused(ex.Message);
        }

        return TypedResults.Ok((await board.FindAsync(staff, trackingNumber, ct))!.AsItem());
    }

    private static async Task<Results<Ok<AnswerItem>, ProblemHttpResult, ForbidHttpResult, UnauthorizedHttpResult>> AnswerResultAsync(
        string trackingNumber, StaffScope staff, GongkaiDbContext db, CaseBoard board, Func<Task<AnswerDraftState>> act, CancellationToken ct)
    {
        AnswerDraftState state;
        try
        {
            state = await act();
        }
        catch (LedgerException ex)
        {
            return ApiProblems.Refused(ex.Message);
        }

        var d = state.Draft;
        var item = (await board.FindAsync(staff, trackingNumber, ct))!.AsItem();
        return TypedResults.Ok(new AnswerItem(d.Outcome.ToString(), d.Reasons, d.DraftedBy,
            d.Done.FirstOrDefault(x => x.Step == AnswerStep.Reviewed)?.ActorName, d.Done.FirstOrDefault(x => x.Step == AnswerStep.Signed)?.ActorName,
            state.Next?.ToString().ToLowerInvariant(), state.IssuedAtUtc is not null, item));
    }
}
