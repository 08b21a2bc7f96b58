using Gongkai.Core.Statute;
using Gongkai.Data.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Features.Applications;

/// <summary>
/// The 第二十九条 form without JavaScript: validated on the server by the same rules as the API,
/// each message beside its field; on success the application is stored before the page answers.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(ApplicationLimits.Policy)]
public sealed class ApplyModel(GongkaiDbContext db, ApplicationIntake intake, IConfiguration configuration) : Portal.PortalPage(db)
{
    public static IReadOnlyList<(string Key, string Label)> Types { get; } =
        ApplicantColumns.Parts.Where(c => c.Type is not null).Select(c => (c.Key, c.Type == Core.Statute.ApplicantType.Natural ? c.Label : "法人或其他组织：" + c.Label)).ToArray();

    [BindProperty(Name = "")] public ApplicationForm Form { get; set; } = new();

    /// <summary>The agencies to choose from, grouped as on the platform home and narrowed by <see cref="Find"/>.</summary>
    public IReadOnlyList<IGrouping<Core.Publishing.AgencyGroup, AgencyRow>> Agencies { get; private set; } = [];

    /// <summary>Part of an agency's name, to narrow the choice (<c>?find=</c>; works without JavaScript).</summary>
    [BindProperty(SupportsGet = true)] public string? Find { get; set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public ApplyResponse? Created { get; private set; }

    /// <summary>The agency the application went to, for the 回执.</summary>
    public string? AgencyName { get; private set; }

    public string? Error(string field) => Errors.TryGetValue(field, out var messages) ? string.Join("；", messages) : null;

    /// <summary>The first field in the form's order with an error: focused when the page comes back (autofocus, no script needed).</summary>
    public string? FirstError => FieldOrder.FirstOrDefault(Errors.ContainsKey);

    private static readonly string[] FieldOrder =
        ["agencyId", "applicantType", "name", "honorific", "idType", "idNumber", "creditCode", "phone", "email", "address", "notify", "description", "formWanted", "consent"];

    /// <summary>A one-time token in the form: posting it again (a refresh, a double click) answers with the first case.</summary>
    [BindProperty] public string? SubmissionToken { get; set; }

    public async Task OnGetAsync(string? agency, CancellationToken ct)
    {
        Form.AgencyId = Agency?.Id ?? agency;
        SubmissionToken = Guid.NewGuid().ToString("N");
        await LoadAgenciesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var request = Form.ToRequest();
        Errors = await intake.ValidateAsync(request, ct);
        if (Errors.Count > 0)
        {
            SubmissionToken ??= Guid.NewGuid().ToString("N");
            await LoadAgenciesAsync(ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var token = SubmissionToken is { Length: 32 } t && t.All(char.IsAsciiHexDigit) ? "form:" + t : null;
        try
        {
            Created = await intake.SubmitAsync(request, ct, submissionKey: token, perApplicantPerDay: ApplicationLimits.PerApplicantPerDay(configuration));
        }
        catch (ApplicantLimitException e)
        {
            Errors = new Dictionary<string, string[]> { ["form"] = [e.Message] };
            await LoadAgenciesAsync(ct);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        AgencyName = await Db.Agencies.AsNoTracking().Where(a => a.Id == request.AgencyId).Select(a => a.Name).SingleAsync(ct);
        return Page();
    }

    private async Task LoadAgenciesAsync(CancellationToken ct)
    {
        var find = Find?.Trim();
        var all = await Db.Agencies.AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct);
        Agencies = all.Where(a => string.IsNullOrEmpty(find) || a.Name.Contains(find, StringComparison.Ordinal) || a.Id == Form.AgencyId)
            .GroupBy(a => Core.Publishing.AgencyGroups.Of(a.Name, a.ParentId is null)).OrderBy(g => g.Key).ToArray();
    }
}
