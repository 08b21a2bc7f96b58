using Gongkai.Core.Identity;
using Gongkai.Core.Statute;

namespace Gongkai.Core.Cases;

/// <summary>The 第二十九条 fields of an application as submitted (form or JSON), before checking.</summary>
public sealed record ApplicationFields(
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
    IReadOnlyList<string>? Notify = null);

/// <summary>
/// 条例 第二十九条 intake, pure: what an application must contain (申请人的姓名或者名称、身份证明、联系方式;
/// 所需政府信息的名称、文号或者便于查询的其他特征性描述; 获取方式), each field checked with a zh-CN message
/// keyed by the field's JSON name, and text hygiene at the boundary (<see cref="TextHygiene"/>). The
/// web form, the JSON API and staff registration all call it; only the agency's existence needs storage.
/// </summary>
public static class ApplicationIntakeRules
{
    public const int MaxNameLength = 100;
    public const int MinDescriptionLength = 5;
    public const int MaxDescriptionLength = 4000;
    public const int MaxAddressLength = 400;

    /// <summary>What the applicant is told when the consent box is not ticked.</summary>
    public const string ConsentRequired = "请阅读个人信息处理告知，勾选同意后再提交（《中华人民共和国个人信息保护法》第十三条、第十七条）";

    /// <summary>Field (JSON name) → zh-CN messages; empty when the application can be accepted.</summary>
    /// <param name="today">The day the application is given (nobody is born after it).</param>
    /// <param name="requireConsent">
    /// True for what an applicant submits online (form and API): the personal-information notice must
    /// be accepted (<c>consent</c> true). Staff registering a paper, letter or fax application pass false:
    /// the agency's paper form carries its own notice.
    /// </param>
    public static Dictionary<string, string[]> Validate(ApplicationFields r, DateOnly today, bool requireConsent = true)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Error(string field, string message) => errors[field] = [message];

        if (requireConsent && r.Consent != true)
        {
            Error("consent", ConsentRequired);
        }

        if (NotifyChoice(r) is null)
        {
            Error("notify", "通知方式应为 email（电子邮件）、sms（短信）之一或两者");
        }
        else if (NotifyChoice(r)!.Value.HasFlag(Notifications.NotifyBy.Sms) && !PhoneNumbers.IsMobile(r.Phone))
        {
            Error("notify", "选择短信通知时联系电话应为手机号码");
        }

        if (Honorifics.FromCode(r.Honorific) is null)
        {
            Error("honorific", $"称谓应为 {string.Join("、", Honorifics.All.Where(h => h != Identity.Honorific.None).Select(h => $"{h.Code()}（{h.Label()}）"))}，或不填");
        }

        var type = ApplicantColumns.Parts.FirstOrDefault(c => c.Key == r.ApplicantType);
        if (type?.Type is null)
        {
            Error("applicantType", "申请人类型应为 natural（自然人）或 commercial、research、nonprofit、legal、other（法人或其他组织）");
        }

        if (string.IsNullOrWhiteSpace(r.Name) || r.Name.Trim().Length > MaxNameLength)
        {
            Error("name", $"请填写申请人姓名或名称（{MaxNameLength} 字以内）");
        }

        if (type?.Type == ApplicantType.Natural)
        {
            if (IdentityDocuments.FromCode(r.IdType) is not { } document)
            {
                Error("idType", $"身份证明类型应为 {string.Join("、", IdentityDocuments.All.Select(t => $"{t.Code()}（{t.Label()}）"))}");
            }
            else if (IdentityDocuments.Check(document, r.IdNumber, today, out var idError) is null)
            {
                Error("idNumber", $"身份证明：{idError}");
            }
        }
        else if (type?.Type is not null && CreditCode.TryParse(r.CreditCode, out var codeError) is null)
        {
            Error("creditCode", $"统一社会信用代码：{codeError}");
        }

        if (PhoneNumbers.Validate(r.Phone) is { } phoneError)
        {
            Error("phone", phoneError);
        }

        if (r.Email is { Length: > 0 } email && (email.Length > 200 || !email.Contains('@', StringComparison.Ordinal)))
        {
            Error("email", "电子邮箱格式不正确");
        }

        if (r.Address is { Length: > MaxAddressLength })
        {
            Error("address", $"通信地址请在 {MaxAddressLength} 字以内");
        }

        if (string.IsNullOrWhiteSpace(r.Description) || r.Description.Trim().Length < MinDescriptionLength || r.Description.Length > MaxDescriptionLength)
        {
            Error("description", $"请描述所需政府信息的名称、文号或便于查询的特征（{MinDescriptionLength}–{MaxDescriptionLength} 字，条例第二十九条）");
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

    /// <summary>
    /// How the applicant chose to be told (<c>notify</c>: email and/or sms; an empty list — blanks ignored — is neither);
    /// not given: by email. Email goes only where an address was given. Null for an unknown code.
    /// </summary>
    public static Notifications.NotifyBy? NotifyChoice(ApplicationFields r)
    {
        if (r.Notify is null)
        {
            return Notifications.NotifyBy.Email;
        }

        var by = Notifications.NotifyBy.None;
        foreach (var code in r.Notify.Where(c => !string.IsNullOrWhiteSpace(c)))
        {
            switch (code?.Trim())
            {
                case "email": by |= Notifications.NotifyBy.Email; break;
                case "sms": by |= Notifications.NotifyBy.Sms; break;
                default: return null;
            }
        }

        return by;
    }

    /// <summary>The case status as the applicant and staff read it.</summary>
    public static string StatusText(CaseStatus status) => status switch
    {
        CaseStatus.InProgress => "办理中",
        CaseStatus.AwaitingCorrection => "待补正",
        CaseStatus.Consulting => "征求意见中",
        CaseStatus.AwaitingPayment => "待缴费",
        CaseStatus.Decided => "已答复",
        CaseStatus.Withdrawn => "已撤回",
    };
}

/// <summary>
/// Phone numbers as applicants type them: digits with spaces, hyphens and a leading + (「+86 138-0013-8001」,
/// 「0311-66668888」). Compared by their digits, without China's country code, so the same number
/// typed two ways matches.
/// </summary>
public static class PhoneNumbers
{
    public static string? Validate(string? phone)
    {
        var digits = phone is null ? 0 : phone.Count(char.IsAsciiDigit);
        return phone is null || digits is < 7 or > 20 || phone.Any(ch => !(char.IsAsciiDigit(ch) || ch is '-' or ' ' or '+' or '(' or ')'))
            ? "请填写有效的联系电话（7–20 位数字）"
            : null;
    }

    /// <summary>The digits that identify the number: separators dropped, a leading 86 / 0086 country code of a mobile number dropped.</summary>
    public static string Canonical(string phone)
    {
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        if (digits.StartsWith("0086", StringComparison.Ordinal))
        {
            digits = digits[4..];
        }
        else if (digits.Length == 13 && digits.StartsWith("861", StringComparison.Ordinal))
        {
            digits = digits[2..];
        }

        return digits;
    }

    /// <summary>A mainland mobile number (11 digits from 1 once the country code is dropped), the only kind an SMS reaches.</summary>
    public static bool IsMobile(string? phone) => phone is not null && Canonical(phone) is { Length: 11 } digits && digits[0] == '1';

    /// <summary>Whether two spellings are the same number.</summary>
    public static bool Same(string? a, string? b) => a is not null && b is not null && Canonical(a) == Canonical(b);
}
