using Gongkai.Core.Calendar;
using Gongkai.Core.Publishing;
using Gongkai.Data.Model;
using Gongkai.Data.Publishing;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Features.Publishing;

/// <summary>起草: a 经办人 drafts an item for an agency in scope; it gets its 索引号 now.</summary>
public sealed class NewPublicationModel(PublicationStore store, StaffScopes scopes, TimeProvider clock) : StaffPage(scopes)
{
    private const long MaxAttachmentBytes = 20L * 1024 * 1024;

    [BindProperty] public string? AgencyId { get; set; }

    [BindProperty] public string? Title { get; set; }

    [BindProperty] public string? Body { get; set; }

    [BindProperty] public int Category { get; set; } = 1;

    [BindProperty] public string? Area { get; set; }

    [BindProperty] public string? DocumentNumber { get; set; }

    [BindProperty] public string? Subject { get; set; }

    [BindProperty] public DateOnly WrittenOn { get; set; } = clock.TodayInChina();

    [BindProperty] public string Validity { get; set; } = "有效";

    [BindProperty] public List<IFormFile> Files { get; set; } = [];

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Staff.IsIn(StaffRoles.Clerk))
        {
            return Forbid();
        }

        var input = new PublicationInput(AgencyId ?? "", Title ?? "", Body ?? "", Category, Area, DocumentNumber, Subject, WrittenOn, Validity);
        var errors = new Dictionary<string, string>(PublicationStore.Validate(input));
        if (AgencyId is null || !Staff.Covers(AgencyId))
        {
            errors["agencyId"] = "只能以本机关（及下属机关）名义发布";
        }

        if (Files.FirstOrDefault(f => f.Length > MaxAttachmentBytes) is { } big)
        {
            errors["files"] = $"附件 {big.FileName} 超过 20 MB";
        }

        if (errors.Count > 0)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var attachments = new List<(string, string, byte[])>();
        foreach (var file in Files.Where(f => f.Length > 0))
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            attachments.Add((Path.GetFileName(file.FileName), string.IsNullOrEmpty(file.ContentType) ? "application/octet-stream" : file.ContentType, buffer.ToArray()));
        }

        var row = await store.DraftAsync(input, Staff.Actor, attachments, ct);
        Flash = $"已起草，索引号 {row.IndexNumber}";
        return Redirect($"/admin/publications/{row.Id}");
    }
}
