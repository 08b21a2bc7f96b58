using System.Security.Cryptography;
using Gongkai.Core.Calendar;
using Gongkai.Core.Cases;
using Gongkai.Core.Deadlines;
using Gongkai.Core.Identity;
using Gongkai.Core.Statute;
using Gongkai.Data.Cases;
using Gongkai.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Applications;

/// <summary>An application received through another channel and registered by staff.</summary>
public sealed record Registration(ReceiptChannel Channel, DateOnly ReceivedOn, string Actor);

/// <summary>依申请公开 intake shared by the JSON API and the HTML form: validation, storage and tracking.</summary>
public static class ApplicationIntake
{
    /// <summary>Draws of a tracking number before giving up (a conflict is ~1 in 900,000 a day per submission).</summary>
    private const int MaxNumberAttempts = 10;

    /// <summary>Stores a validated application (before returning: an accepted application is durable).</summary>
    /// <param name="registered">For an application a clerk registers from another channel (当面, 邮寄, 传真, 口头): how and when it was received, and by whom; null for the online form.</param>
    /// <param name="draw">The random part of a tracking number (tests pass a sequence to force a conflict).</param>
    public static async Task<ApplyResponse> SubmitAsync(ApplyRequest request, GongkaiDbContext db, CancellationToken ct, Registration? registered = null, Func<int>? draw = null)
    {
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

            var application = new NewApplication(number, request.AgencyId!, type, channel, received, Nfc(request.Name)!.Trim(), Digits(request.Phone!),
                Nfc(request.Description)!.Trim(), Blank(request.IdNumber)?.ToUpperInvariant(), Blank(request.CreditCode)?.ToUpperInvariant(), Blank(Nfc(request.FormWanted)),
                Blank(Nfc(request.Email)), Blank(Nfc(request.Address)));
            try
            {
                await new CaseStore(db).AddAsync(application, registered?.Actor ?? "公众（网上申请）", ct);
                break;
            }
            catch (DbUpdateException) when (attempt < MaxNumberAttempts)
            {
                db.ChangeTracker.Clear();
                if (!await db.Applications.AsNoTracking().AnyAsync(a => a.TrackingNumber == number, ct))
                {
                    throw; // not a number conflict
                }
            }
        }
        var due = CaseDeadlines.AnswerDue(new CaseLedger(new ApplicationReceived(received, channel)))!;
        return new ApplyResponse(number, received, due.Date, due.ToText());
    }

    /// <summary>The case as the applicant may see it, or null for an unknown number or a wrong phone alike.</summary>
    public static async Task<TrackResponse?> TrackAsync(string trackingNumber, string? phone, GongkaiDbContext db, CancellationToken ct)
    {
        var row = await db.Applications.AsNoTracking().Include(a => a.Events).SingleOrDefaultAsync(a => a.TrackingNumber == trackingNumber, ct);
        if (row is null || phone is null || Digits(phone) != row.Phone)
        {
            return null;
        }

        var ledger = new CaseStore(db).ToLedger(row);
        var awaitingCorrection = ledger.Status == CaseStatus.AwaitingCorrection;
        return new TrackResponse(trackingNumber, StatusText(ledger.Status), row.ReceivedOn, CaseDeadlines.AnswerDue(ledger)?.Date,
            awaitingCorrection ? CaseDeadlines.CorrectionPeriodEnd(ledger)!.Date : null, awaitingCorrection ? ledger.CorrectionRequest!.Items : null);
    }

    /// <summary>
    /// The applicant answers a 补正 request online (tracking number + phone, as for tracking): the
    /// corrected request is recorded as received today, which restarts the answer period (第三十条).
    /// Returns null when number and phone do not match; throws <see cref="LedgerException"/> when no correction is awaited.
    /// </summary>
    public static async Task<TrackResponse?> CorrectAsync(string trackingNumber, string? phone, string correction, GongkaiDbContext db, CancellationToken ct)
    {
        if (await TrackAsync(trackingNumber, phone, db, ct) is null)
        {
            return null;
        }

        await new CaseStore(db).AppendAsync(trackingNumber, new CorrectionReceived(db.Clock.TodayInChina(), correction), "申请人（网上补正）", ct);
        return await TrackAsync(trackingNumber, phone, db, ct);
    }

    public static string StatusText(CaseStatus status) => status switch
    {
        CaseStatus.InProgress => "办理中",
        CaseStatus.AwaitingCorrection => "待补正",
        CaseStatus.Consulting => "征求意见中",
        CaseStatus.AwaitingPayment => "待缴费",
        CaseStatus.Decided => "已答复",
        CaseStatus.Withdrawn => "已撤回",
    };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>Validated text is stored in Unicode normal form C (what <see cref="TextHygiene"/> checked).</summary>
    private static string? Nfc(string? s) => s?.Normalize(System.Text.NormalizationForm.FormC);

    private static string Digits(string phone) => new(phone.Where(ch => char.IsAsciiDigit(ch) || ch == '-').ToArray());

    /// <summary>Field (as in the JSON form) → zh-CN message; empty when the application can be accepted.</summary>
    public static async Task<Dictionary<string, string[]>> ValidateAsync(ApplyRequest r, GongkaiDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Error(string field, string message) => errors[field] = [message];

        if (string.IsNullOrWhiteSpace(r.AgencyId) || !await db.Agencies.AnyAsync(a => a.Id == r.AgencyId, ct))
        {
            Error("agencyId", "请选择受理申请的机关");
        }

        var type = ApplicantColumns.Parts.FirstOrDefault(c => c.Key == r.ApplicantType);
        if (type is null)
        {
            Error("applicantType", "申请人类型应为 natural（自然人）或 commercial、research、nonprofit、legal、other（法人或其他组织）");
        }

        if (string.IsNullOrWhiteSpace(r.Name) || r.Name.Trim().Length > 100)
        {
            Error("name", "请填写申请人姓名或名称（100 字以内）");
        }

        if (type?.Type == Core.Statute.ApplicantType.Natural)
        {
            if (ResidentIdNumber.TryParse(r.IdNumber, db.Clock.TodayInChina(), out var idError) is null)
            {
                Error("idNumber", $"身份证明：{idError}");
            }
        }
        else if (type is not null && CreditCode.TryParse(r.CreditCode, out var codeError) is null)
        {
            Error("creditCode", $"统一社会信用代码：{codeError}");
        }

        var digits = r.Phone is null ? 0 : r.Phone.Count(char.IsAsciiDigit);
        if (r.Phone is null || digits is < 7 or > 20 || r.Phone.Any(ch => !(char.IsAsciiDigit(ch) || ch is '-' or ' ' or '+')))
        {
            Error("phone", "请填写有效的联系电话（7–20 位数字）");
        }

        if (r.Email is { Length: > 0 } email && (email.Length > 200 || !email.Contains('@', StringComparison.Ordinal)))
        {
            Error("email", "电子邮箱格式不正确");
        }

        if (r.Address is { Length: > 400 })
        {
            Error("address", "通信地址请在 400 字以内");
        }

        if (string.IsNullOrWhiteSpace(r.Description) || r.Description.Trim().Length < 5 || r.Description.Length > 4000)
        {
            Error("description", "请描述所需政府信息的名称、文号或便于查询的特征（5–4000 字，条例第二十九条）");
        }

        if (r.FormWanted is { Length: > 400 })
        {
            Error("formWanted", "获取信息的方式、途径请在 400 字以内说明");
        }

        // Invisible and control characters are refused whatever else is wrong with the field.
        foreach (var (field, label, value, multiline) in new[]
                 {
                     ("name", "申请人姓名或名称", r.Name, false), ("idNumber", "身份证明", r.IdNumber, false), ("creditCode", "统一社会信用代码", r.CreditCode, false),
                     ("phone", "联系电话", r.Phone, false), ("email", "电子邮箱", r.Email, false), ("address", "通信地址", r.Address, false),
                     ("description", "所需政府信息的描述", r.Description, true), ("formWanted", "获取信息的方式、途径", r.FormWanted, false),
                 })
        {
            if (TextHygiene.Clean(value, label, multiline, out var hygiene) is null && hygiene is not null)
            {
                Error(field, hygiene);
            }
        }

        return errors;
    }
}
