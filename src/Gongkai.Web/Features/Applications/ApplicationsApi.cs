using System.Security.Cryptography;
using Gongkai.Core.Cases;
using Gongkai.Core.Deadlines;
using Gongkai.Core.Identity;
using Gongkai.Core.Statute;
using Gongkai.Data.Cases;
using Gongkai.Data.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Features.Applications;

/// <summary>The 第二十九条 application form as JSON.</summary>
/// <param name="ApplicantType">natural, commercial, research, nonprofit, legal or other.</param>
/// <param name="IdType">A natural person's 身份证明: resident-card (default), passport, hk-macao-permit, taiwan-permit or foreigner-permanent-residence.</param>
/// <param name="Honorific">How letters address a natural person: mr (先生), ms (女士), or absent (the name alone).</param>
/// <param name="Notify">How to be told of the case's steps: "email" and/or "sms"; absent: by email when an email is given.</param>
/// <param name="Consent">The applicant accepted the personal-information notice (个人信息保护法 第十三条、第十七条); must be true.</param>
public sealed record ApplyRequest(
    string? AgencyId,
    string? ApplicantType,
    string? Name,
    string? IdNumber,
    string? CreditCode,
    string? Phone,
    string? Email,
    string? Address,
    string? Description,
    string? FormWanted,
    string? IdType = null,
    string? Honorific = null,
    bool? Consent = null,
    string[]? Notify = null)
{
    /// <summary>The 第二十九条 fields, for <see cref="ApplicationIntakeRules"/>.</summary>
    public ApplicationFields Fields => new(ApplicantType, Name, IdNumber, CreditCode, Phone, Email, Address, Description, FormWanted, IdType, Honorific, Consent, Notify);
}

/// <summary>What the applicant gets back: the tracking number and when the answer is due.</summary>
public sealed record ApplyResponse(string TrackingNumber, DateOnly ReceivedOn, DateOnly DueOn, string Explanation);

/// <summary>Case status as shown to the applicant (with tracking number + phone).</summary>
/// <param name="CorrectionDueOn">While 待补正: the last day of the 补正期限 the notice gave.</param>
/// <param name="CorrectionItems">While 待补正: 需要补正的事项 as the notice states them.</param>
/// <param name="Outcome">Once answered: the outcome as table 三 names it (e.g. 「（二）部分公开」).</param>
/// <param name="DecidedOn">Once answered: the date of the 答复书.</param>
/// <param name="Notices">The messages sent to the applicant about the case, oldest first.</param>
public sealed record TrackResponse(string TrackingNumber, string Status, DateOnly ReceivedOn, DateOnly? DueOn, DateOnly? CorrectionDueOn = null, string? CorrectionItems = null,
    string? Outcome = null, DateOnly? DecidedOn = null, IReadOnlyList<TrackNotice>? Notices = null);

/// <summary>A message sent to the applicant: what about, how, and when (China time).</summary>
public sealed record TrackNotice(string About, string Channel, DateTimeOffset SentAt);

/// <summary>
/// Public endpoints of 依申请公开 online: <c>POST /api/applications</c> (validated at the boundary,
/// durable before the answer) and <c>GET /api/applications/{trackingNumber}?phone=</c> (a wrong phone
/// is indistinguishable from an unknown number). The HTML forms /apply and /track use the same <see cref="ApplicationIntake"/>.
/// </summary>
public static class ApplicationsApi
{
    public static void MapApplicationsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/applications");
        api.MapPost("/", ApplyAsync).RequireRateLimiting(ApplicationLimits.Policy);
        api.MapGet("/{trackingNumber}", TrackAsync).RequireRateLimiting(ApplicationLimits.TrackingPolicy);
    }

    /// <summary>The header that makes a retried submission answer with its first case (at most <see cref="MaxKeyLength"/> characters).</summary>
    public const string IdempotencyHeader = "Idempotency-Key";

    public const int MaxKeyLength = 100;

    public static async Task<Results<Created<ApplyResponse>, ValidationProblem, ProblemHttpResult>> ApplyAsync(
        ApplyRequest request, ApplicationIntake intake, IConfiguration configuration, CancellationToken ct, [Microsoft.AspNetCore.Mvc.FromHeader(Name = IdempotencyHeader)] string? idempotencyKey = null)
    {
        var errors = await intake.ValidateAsync(request, ct);
        if (idempotencyKey is not null && (idempotencyKey.Length is 0 or > MaxKeyLength || idempotencyKey.Any(char.IsControl)))
        {
            errors[IdempotencyHeader] = [$"{IdempotencyHeader} 应为 1–{MaxKeyLength} 个可见字符"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "申请内容有误");
        }

        try
        {
            var created = await intake.SubmitAsync(request, ct, submissionKey: idempotencyKey is null ? null : "api:" + idempotencyKey,
                perApplicantPerDay: ApplicationLimits.PerApplicantPerDay(configuration));
            return TypedResults.Created($"/api/applications/{created.TrackingNumber}", created);
        }
        catch (ApplicantLimitException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status429TooManyRequests, title: "请求过多");
        }
    }

    public static async Task<Results<Ok<TrackResponse>, NotFound>> TrackAsync(string trackingNumber, string? phone, ApplicationIntake intake, CancellationToken ct) =>
        await intake.TrackAsync(trackingNumber, phone, ct) is { } found ? TypedResults.Ok(found) : TypedResults.NotFound();
}
