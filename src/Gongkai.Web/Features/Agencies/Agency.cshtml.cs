using Gongkai.Core.Cases;
using Gongkai.Core.Publishing;
using Gongkai.Data.Agencies;
using Gongkai.Data.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Features.Agencies;

/// <summary>
/// An agency's settings, edited by a 管理员 of it (or of a government above it): the 指南 contact facts
/// (条例 第十二条), the 行政复议机关 and court its 答复书 name, and its answer review chain. Saved through
/// <see cref="AgencyDirectory"/>, which validates and audits (before and after) every change.
/// </summary>
public sealed class AgencyModel(GongkaiDbContext db, StaffScopes scopes) : StaffPage(scopes)
{
    [BindProperty(SupportsGet = true)] public string? Id { get; set; }

    [BindProperty] public string? Address { get; set; }

    [BindProperty] public string? OfficeHours { get; set; }

    [BindProperty] public string? Phone { get; set; }

    [BindProperty] public string? Fax { get; set; }

    [BindProperty] public string? OnlineChannel { get; set; }

    [BindProperty] public string? ReconsiderationBody { get; set; }

    [BindProperty] public string? Court { get; set; }

    [BindProperty] public string? AnswerReview { get; set; }

    [BindProperty] public string? AcceptingOffice { get; set; }

    [BindProperty] public string? Email { get; set; }

    [BindProperty] public string? PostalCode { get; set; }

    [BindProperty] public string? Website { get; set; }

    /// <summary>Codes of the channels accepted (checkboxes); none ticked is refused.</summary>
    [BindProperty] public List<string> Channels { get; set; } = [];

    public AgencyRow Agency { get; private set; } = null!;

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public string? Error(string field) => Errors.GetValueOrDefault(field);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Staff.IsIn(StaffRoles.Admin))
        {
            return Forbid();
        }

        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        (Address, OfficeHours, Phone, Fax, OnlineChannel) = (Agency.Address, Agency.OfficeHours, Agency.Phone, Agency.Fax, Agency.OnlineChannel);
        (ReconsiderationBody, Court, AnswerReview) = (Agency.ReconsiderationBody, Agency.Court, ((AnswerReviewPolicy)Agency.AnswerReview).Code());
        (AcceptingOffice, Email, PostalCode, Website) = (Agency.AcceptingOffice, Agency.Email, Agency.PostalCode, Agency.Website);
        Channels = AgencyDirectory.ChannelsOf(Agency).Select(Core.Vocabulary.Vocabularies.Channels.Code).ToList();
        ViewData["Flash"] = Flash;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Staff.IsIn(StaffRoles.Admin))
        {
            return Forbid();
        }

        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var policy = Core.Cases.AnswerReview.PolicyFromCode(AnswerReview);
        if (policy is null)
        {
            errors["answerReview"] = "请选择答复审签规则";
        }

        var channels = new List<ReceiptChannel>();
        foreach (var code in Channels)
        {
            if (Core.Vocabulary.Vocabularies.Channels.TryParse(code, out var channel))
            {
                channels.Add(channel);
            }
            else
            {
                errors["channels"] = Core.Vocabulary.Vocabularies.Channels.NotA(code);
            }
        }

        if (channels.Count == 0 && !errors.ContainsKey("channels"))
        {
            errors["channels"] = "至少选择一种受理渠道";
        }

        foreach (var (field, label, value, max) in new[]
                 {
                     ("acceptingOffice", "受理机构", AcceptingOffice, 200),
                     ("address", "办公地址", Address, 200), ("officeHours", "办公时间", OfficeHours, 200), ("phone", "联系电话", Phone, 40), ("fax", "传真", Fax, 40),
                     ("onlineChannel", "网上申请渠道", OnlineChannel, 200), ("reconsiderationBody", "行政复议机关", ReconsiderationBody, 200), ("court", "人民法院", Court, 200),
                 })
        {
            if (value is { Length: > 0 } v && (v.Trim().Length > max || Core.Identity.TextHygiene.Clean(v, label, false, out _) is null))
            {
                errors[field] = $"{label}请在 {max} 字以内，且不含控制字符";
            }
        }

        if (errors.Count == 0)
        {
            var saved = await new AgencyDirectory(db).SaveAsync(new AgencyInput(Agency.Id, Agency.Name, Agency.ParentId, Agency.CreditCode,
                Blank(Address), Blank(OfficeHours), Blank(Phone), Blank(Fax), Blank(OnlineChannel), ReconsiderationBody, Court, policy,
                new AgencyGuide(AcceptingOffice, Email, PostalCode, Website, channels)), Staff.User.UserName!, ct);
            if (saved.Count == 0)
            {
                Flash = "机关设置已保存";
                return Redirect($"/admin/agency?id={Uri.EscapeDataString(Agency.Id)}");
            }

            errors = saved.ToDictionary(StringComparer.Ordinal);
        }

        Errors = errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Id ??= Staff.AgencyIds[0];
        if (!Staff.Covers(Id))
        {
            return false;
        }

        Agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == Id, ct);
        return true;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
