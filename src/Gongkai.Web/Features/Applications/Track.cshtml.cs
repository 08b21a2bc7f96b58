using Gongkai.Core.Cases;
using Gongkai.Data.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Features.Applications;

/// <summary>Case status for the applicant: tracking number + phone, posted (the phone stays out of URLs and logs); no hint whether a number exists.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(ApplicationLimits.TrackingPolicy)]
public sealed class TrackModel(ApplicationIntake intake) : PageModel
{
    [BindProperty] public string? Number { get; set; }

    [BindProperty] public string? Phone { get; set; }

    [BindProperty] public string? Correction { get; set; }

    public TrackResponse? Found { get; private set; }

    public string? Message { get; private set; }

    public bool NoMatch { get; private set; }

    public void OnGet()
    {
    }

    public async Task OnPostAsync(CancellationToken ct)
    {
        Found = string.IsNullOrWhiteSpace(Number) ? null : await intake.TrackAsync(Number.Trim(), Phone, ct);
        NoMatch = Found is null;
    }

    /// <summary>The 答复书 as DOCX, posted with number and phone like the lookup.</summary>
    public async Task<IActionResult> OnPostLetterAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Number) && await intake.DecisionLetterAsync(Number.Trim(), Phone, ct) is { } letter)
        {
            Response.Headers.CacheControl = "no-store";
            return File(letter.Docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", letter.FileName);
        }

        NoMatch = true;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    /// <summary>The 回执 as PDF (printed by Chromium), posted with number and phone like the lookup; 503 with the reason when PDF output is unavailable.</summary>
    public async Task<IActionResult> OnPostReceiptAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Number) || await intake.ReceiptAsync(Number.Trim(), Phone, ct) is not { } receipt)
        {
            NoMatch = true;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        try
        {
            var pdf = await Documents.Reports.ReportPdfWriter.WriteHtmlAsync(Documents.Letters.ApplicationReceiptWriter.Html(receipt), ct);
            Response.Headers.CacheControl = "no-store";
            return File(pdf, "application/pdf", $"{Documents.Letters.ApplicationReceiptWriter.Title}-{receipt.TrackingNumber}.pdf");
        }
        catch (Documents.Reports.PdfRenderException e)
        {
            Found = await intake.TrackAsync(Number.Trim(), Phone, ct);
            Message = e.Message + "。请使用浏览器的打印功能保存回执。";
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }
    }

    public async Task<IActionResult> OnPostCorrectAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Number) || string.IsNullOrWhiteSpace(Correction) || Correction.Trim().Length is < 5 or > 4000)
        {
            Found = string.IsNullOrWhiteSpace(Number) ? null : await intake.TrackAsync(Number.Trim(), Phone, ct);
            NoMatch = Found is null;
            Message = "请填写补正内容（5–4000 字）";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        try
        {
            Found = await intake.CorrectAsync(Number.Trim(), Phone, Correction.Trim(), ct);
            NoMatch = Found is null;
            Message = Found is null ? null : "补正已提交，答复期限自今日起重新计算";
        }
        catch (LedgerException ex)
        {
            Found = await intake.TrackAsync(Number.Trim(), Phone, ct);
            Message = ex.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }
}
