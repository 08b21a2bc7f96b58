using Gongkai.Core.Calendar;
using Gongkai.Core.Cases;
using Gongkai.Core.Publishing;
using Gongkai.Data.Model;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Features.Cases;

/// <summary>A 经办人 registers an application from any channel of 第三十一条, for an agency in their scope.</summary>
public sealed class NewCaseModel(ApplicationIntake intake, StaffScopes scopes, TimeProvider clock) : StaffPage(scopes)
{
    [BindProperty] public ReceiptChannel Channel { get; set; } = ReceiptChannel.InPerson;

    [BindProperty] public DateOnly ReceivedOn { get; set; } = clock.TodayInChina();

    [BindProperty(Name = "")] public ApplicationForm Form { get; set; } = new();

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Staff.IsIn(StaffRoles.Clerk))
        {
            return Forbid();
        }

        var request = Form.ToRequest();
        var errors = await intake.ValidateAsync(request, ct, online: false);
        if (Form.AgencyId is null || !Staff.Covers(Form.AgencyId))
        {
            errors["agencyId"] = ["只能为本机关（及下属机关）登记申请"];
        }

        if (ReceivedOn > clock.TodayInChina() || ReceivedOn.Year < 2000)
        {
            errors["receivedOn"] = ["收到申请日期不能晚于今天"];
        }

        if (!Enum.IsDefined(Channel))
        {
            errors["channel"] = ["请选择申请渠道"];
        }

        if (errors.Count > 0)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var created = await intake.SubmitAsync(request, ct, new Registration(Channel, ReceivedOn, Staff.User.DisplayName));
        Flash = $"已登记，申请编号 {created.TrackingNumber}";
        return Redirect($"/admin/cases/{created.TrackingNumber}");
    }
}
