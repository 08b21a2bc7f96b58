namespace Gongkai.Web.Features.Applications;

/// <summary>
/// The 第二十九条 fields as the HTML forms post them (/apply, and /admin/cases/new for other channels).
/// Bound without a prefix, so the inputs are named as the fields (<c>Name</c>, <c>Phone</c>, …).
/// </summary>
public sealed class ApplicationForm
{
    public string? AgencyId { get; set; }

    public string? ApplicantType { get; set; } = "natural";

    public string? Name { get; set; }

    /// <summary>The kind of 身份证明 (<see cref="Gongkai.Core.Identity.IdentityDocuments.Code"/>); 居民身份证 unless chosen.</summary>
    public string? IdType { get; set; } = "resident-card";

    public string? IdNumber { get; set; }

    public string? CreditCode { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    /// <summary>通信地址 (第二十九条第二款第（一）项: 联系方式), where letters are posted.</summary>
    public string? Address { get; set; }

    public string? Description { get; set; }

    /// <summary>称谓 for letters: mr, ms or empty.</summary>
    public string? Honorific { get; set; }

    /// <summary>The personal-information notice was accepted (the checkbox posts <c>true</c>).</summary>
    public bool Consent { get; set; }

    /// <summary>The notice checkboxes (email, sms) and a blank hidden value, so that none ticked is a choice too; null when not posted.</summary>
    public List<string>? Notify { get; set; }

    public string? FormWanted { get; set; }

    public ApplyRequest ToRequest() => new(AgencyId, ApplicantType, Name, IdNumber, CreditCode, Phone, Email, Address, Description, FormWanted, IdType, Honorific, Consent, Notify?.ToArray());
}
