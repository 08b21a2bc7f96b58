using System.Security.Cryptography;
using Gongkai.Core.Calendar;
using Gongkai.Core.Cases;
using Gongkai.Core.Deadlines;
using Gongkai.Core.Identity;
using Gongkai.Core.Notifications;
using Gongkai.Core.Statute;
using Gongkai.Data.Cases;
using Gongkai.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Features.Applications;

/// <summary>An application received through another channel and registered by staff.</summary>
public sealed record Registration(ReceiptChannel Channel, DateOnly ReceivedOn, string Actor);

/// <summary>One applicant gave the day's allowed number of online applications (<c>RateLimits:Applications:PerApplicantPerDay</c>).</summary>
public sealed class ApplicantLimitException(int limit) : Exception($"同一申请人每天网上提交的申请不超过 {limit} 件，请明日再提交或联系受理机关")
{
    public int Limit { get; } = limit;
}

/// <summary>依申请公开 intake shared by the JSON API and the HTML forms: validation, storage and tracking (a scoped service).</summary>
public sealed class ApplicationIntake(GongkaiDbContext db, CaseStore cases, CaseBoard board)
{
    /// <summary>Draws of a tracking number before giving up (a conflict is ~1 in 900,000 a day per submission).</summary>
    private const int MaxNumberAttempts = 10;

    /// <summary>Stores a validated application (before returning: an accepted application is durable).</summary>
    /// <param name="registered">For an application a clerk registers from another channel (当面, 邮寄, 传真, 口头): how and when it was received, and by whom; null for the online form.</param>
    /// <param name="draw">The random part of a tracking number (tests pass a sequence to force a conflict).</param>
    /// <param name="perApplicantPerDay">Online applications one applicant may give a day (null: no limit); beyond it <see cref="ApplicantLimitException"/>.</param>
    /// <param name="submissionKey">The submission's idempotency key (API header or the form's one-time token): a key seen before answers with its first case.</param>
    public async Task<ApplyResponse> SubmitAsync(ApplyRequest request, CancellationToken ct, Registration? registered = null, Func<int>? draw = null, string? submissionKey = null, int? perApplicantPerDay = null)
    {
        if (submissionKey is not null && await FirstCaseAsync(submissionKey, ct) is { } first)
        {
            return first;
        }

        draw ??= () => RandomNumberGenerator.GetInt32(100000, 1000000);
        var channel = registered?.Channel ?? ReceiptChannel.Online;
        // Online applications are received on the day both sides confirm (第三十一条第（三）项): today in China.
        var received = registered?.ReceivedOn ?? db.Clock.TodayInChina();
        var type = ApplicantColumns.Parts.Single(c => c.Key == request.ApplicantType).Type!.Value;
        string number;
        for (var attempt = 1; ; attempt++)
        {
            // Tracking numbers are shared by all agencies: a number already taken is drawn again
            // (checked first, and again by the unique index if two submissions race).
            number = $"{received:yyyyMMdd}-{draw()}";
            if (await db.Applications.AnyAsync(a => a.TrackingNumber == number, ct))
            {
                if (attempt >= MaxNumberAttempts)
                {
                    throw new InvalidOperationException($"No free tracking number for {received:yyyy-MM-dd} after {MaxNumberAttempts} draws.");
                }

                continue;
            }

            var application = new NewApplication(number, request.AgencyId!, type, channel, received, Nfc(request.Name)!.Trim(), PhoneNumbers.Canonical(request.Phone!),
                Nfc(request.Description)!.Trim(), Blank(request.IdNumber)?.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant(), Blank(request.CreditCode)?.ToUpperInvariant(), Blank(Nfc(request.FormWanted)),
                Blank(Nfc(request.Email)), Blank(Nfc(request.Address)), IdentityDocuments.FromCode(request.IdType) ?? IdentityDocumentType.ResidentCard,
                Honorifics.FromCode(request.Honorific) ?? Honorific.None, ApplicationIntakeRules.NotifyChoice(request.Fields) ?? Core.Notifications.NotifyBy.None);
            if (perApplicantPerDay is { } limit && registered is null && await cases.CountSameDayAsync(application, ct) >= limit)
            {
                throw new ApplicantLimitException(limit);
            }

            try
            {
                if (submissionKey is not null)
                {
                    db.SubmissionKeys.Add(new SubmissionKeyRow { Key = submissionKey, TrackingNumber = number }); // saved with the application
                }

                await cases.AddAsync(application, registered?.Actor ?? "公众（网上申请）", ct);
                break;
            }
            catch (DbUpdateException) when (attempt < MaxNumberAttempts)
            {
                db.ChangeTracker.Clear();
                if (submissionKey is not null && await FirstCaseAsync(submissionKey, ct) is { } raced)
                {
                    return raced; // the same submission, stored by a concurrent request
                }

                if (!await db.Applications.AsNoTracking().AnyAsync(a => a.TrackingNumber == number, ct))
                {
                    throw; // not a number conflict
                }
            }
        }
        var due = CaseDeadlines.AnswerDue(new CaseLedger(new ApplicationReceived(received, channel)))!;
        return new ApplyResponse(number, received, due.Date, due.ToText());
    }

    /// <summary>The case a submission key already created, answered as it was the first time.</summary>
    private async Task<ApplyResponse?> FirstCaseAsync(string key, CancellationToken ct)
    {
        var number = await db.SubmissionKeys.AsNoTracking().Where(k => k.Key == key).Select(k => k.TrackingNumber).SingleOrDefaultAsync(ct);
        if (number is null || await cases.LoadAsync(number, ct) is not { } record)
        {
            return null;
        }

        var receipt = record.Ledger.Receipt;
        var due = CaseDeadlines.AnswerDue(new CaseLedger(receipt))!;
        return new ApplyResponse(number, receipt.On, due.Date, due.ToText());
    }

    /// <summary>The stored case (with its events) when the phone is the applicant's; null for an unknown number or a wrong phone alike.</summary>
    private async Task<ApplicationRow?> ApplicantsCaseAsync(string trackingNumber, string? phone, CancellationToken ct)
    {
        var row = await db.Applications.AsNoTracking().Include(a => a.Events).SingleOrDefaultAsync(a => a.TrackingNumber == trackingNumber, ct);
        return row is not null && PhoneNumbers.Same(phone, row.Phone) ? row : null;
    }

    /// <summary>The case as the applicant may see it, or null for an unknown number or a wrong phone alike.</summary>
    public async Task<TrackResponse?> TrackAsync(string trackingNumber, string? phone, CancellationToken ct)
    {
        if (await ApplicantsCaseAsync(trackingNumber, phone, ct) is not { } row)
        {
            return null;
        }

        var ledger = cases.ToLedger(row);
        var awaitingCorrection = ledger.Status == CaseStatus.AwaitingCorrection;
        var sent = (await new Data.Notifications.OutboxStore(db).ForCaseAsync(trackingNumber, ct)).Where(o => o.Status == (int)OutboxStatus.Sent && o.SentAtUtc is not null)
            .Select(o => new TrackNotice(((Core.Notifications.MessageKind)o.Kind).Label(), ((Core.Notifications.MessageChannel)o.Channel).Label(),
                new DateTimeOffset(o.SentAtUtc!.Value, TimeSpan.Zero).ToOffset(ChinaClock.Offset))).ToArray();
        return new TrackResponse(trackingNumber, ApplicationIntakeRules.StatusText(ledger.Status), row.ReceivedOn, CaseDeadlines.AnswerDue(ledger)?.Date,
            awaitingCorrection ? CaseDeadlines.CorrectionPeriodEnd(ledger)!.Date : null, awaitingCorrection ? ledger.CorrectionRequest!.Items : null,
            ledger.Decision is { } d ? CaseBoard.OutcomeLabel(d.Outcome) : null, ledger.Decision?.On, sent);
    }

    /// <summary>The 回执 of a case for the applicant (tracking number + phone, as for tracking), or null.</summary>
    public async Task<Documents.Letters.ApplicationReceipt?> ReceiptAsync(string trackingNumber, string? phone, CancellationToken ct)
    {
        if (await ApplicantsCaseAsync(trackingNumber, phone, ct) is not { } row)
        {
            return null;
        }

        var receipt = cases.ToLedger(row).Receipt;
        var due = CaseDeadlines.AnswerDue(new CaseLedger(receipt))!;
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == row.AgencyId).Select(a => a.Name).SingleAsync(ct);
        return new Documents.Letters.ApplicationReceipt(row.TrackingNumber, agency, receipt.Channel, receipt.On, due.Date, due.ToText(), db.Clock.TodayInChina());
    }

    /// <summary>The 答复书 of an answered case as DOCX for the applicant (tracking number + phone), or null.</summary>
    public async Task<(string FileName, byte[] Docx)?> DecisionLetterAsync(string trackingNumber, string? phone, CancellationToken ct)
    {
        if (await ApplicantsCaseAsync(trackingNumber, phone, ct) is not { } row)
        {
            return null;
        }

        var ledger = cases.ToLedger(row);
        if (!Documents.Letters.CaseLetters.Applies(Documents.Letters.LetterKind.Decision, ledger))
        {
            return null;
        }

        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == row.AgencyId).Select(a => a.Name).SingleAsync(ct);
        var letter = Documents.Letters.CaseLetters.For(Documents.Letters.LetterKind.Decision,
            await board.LetterFactsAsync(row, agency, ct), ledger);
        return ($"{Documents.Letters.CaseLetters.FileName(Documents.Letters.LetterKind.Decision)}-{row.TrackingNumber}.docx", Documents.Letters.LetterDocxWriter.Write(letter));
    }

    /// <summary>
    /// The applicant answers a 补正 request online (tracking number + phone, as for tracking): the
    /// corrected request is recorded as received today, which restarts the answer period (第三十条).
    /// Returns null when number and phone do not match; throws <see cref="LedgerException"/> when no correction is awaited.
    /// </summary>
    public async Task<TrackResponse?> CorrectAsync(string trackingNumber, string? phone, string correction, CancellationToken ct)
    {
        if (await TrackAsync(trackingNumber, phone, ct) is null)
        {
            return null;
        }

        await cases.AppendAsync(trackingNumber, new CorrectionReceived(db.Clock.TodayInChina(), correction), "申请人（网上补正）", ct);
        return await TrackAsync(trackingNumber, phone, ct);
    }


    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>Validated text is stored in Unicode normal form C (what <see cref="TextHygiene"/> checked).</summary>
    private static string? Nfc(string? s) => s?.Normalize(System.Text.NormalizationForm.FormC);

    /// <summary>Field (as in the JSON form) → zh-CN message; empty when the application can be accepted (the rules are <see cref="ApplicationIntakeRules"/>).</summary>
    /// <param name="online">
    /// True for what an applicant submits online (form and API): the consent must be given and the agency must accept
    /// online applications. False for staff registering an application received on paper (see <see cref="ApplicationIntakeRules.Validate"/>).
    /// </param>
    public async Task<Dictionary<string, string[]>> ValidateAsync(ApplyRequest r, CancellationToken ct, bool online = true)
    {
        var errors = ApplicationIntakeRules.Validate(r.Fields, db.Clock.TodayInChina(), requireConsent: online);
        var agency = string.IsNullOrWhiteSpace(r.AgencyId) ? null : await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == r.AgencyId, ct);
        if (agency is null)
        {
            errors["agencyId"] = ["请选择受理申请的机关"];
        }
        else if (online && !Data.Agencies.AgencyDirectory.ChannelsOf(agency).Contains(ReceiptChannel.Online))
        {
            errors["agencyId"] = [$"{agency.Name}不接受网上申请，请按其政府信息公开指南当面、邮寄或传真提交"];
        }

        return errors;
    }
}
