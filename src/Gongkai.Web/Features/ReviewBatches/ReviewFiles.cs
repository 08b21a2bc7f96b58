using Gongkai.Core.Calendar;
using Gongkai.Core.Reports.Rules;
using Gongkai.Data.Model;
using Gongkai.Data.Reports;
using Gongkai.Data.Review;
using Gongkai.Documents.Reading;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Features.ReviewBatches;

/// <summary>Reports into a batch: an uploaded file read by content (PDF, DOCX, HTML, text, JSON), or a report locked on the platform.</summary>
public static class ReviewFiles
{
    /// <summary>The form recorded for a PDF read by OCR, shown as 「扫描件，经 OCR」.</summary>
    public const string ScannedForm = "pdf-ocr";

    public static string FormLabel(string form) => form == ScannedForm ? "PDF（扫描件，经 OCR）" : form;

    public static async Task<ReadReport> ReadAsync(IFormFile file, CancellationToken ct)
    {
        var name = Path.GetFileName(file.FileName);
        if (file.Length > ReportLoader.MaxFileBytes)
        {
            throw new ReviewException($"{name}：文件过大");
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        try
        {
            var loaded = ReportLoader.Load(name, bytes);
            return new ReadReport(name, loaded.Scanned ? ScannedForm : loaded.Form, bytes, loaded.Report, loaded.Context, loaded.ReaderDiagnostics);
        }
        catch (ReportReadException e)
        {
            // Kept as evidence all the same, with the reason it could not be read.
            return new ReadReport(name, "unknown", bytes, null, CheckContext.Empty, [new Diagnostic(Documents.Reading.Text.ReaderCodes.NotAReport, Severity.Error, e.Message, DiagnosticLocation.None)]);
        }
    }

    /// <summary>The latest locked version of an agency's year, published on its lock date, or null if the year is not locked.</summary>
    public static async Task<ReadReport?> PlatformAsync(GongkaiDbContext db, string agencyId, int year, CancellationToken ct)
    {
        var row = await db.ReportLocks.AsNoTracking().Where(l => l.AgencyId == agencyId && l.Year == year).OrderByDescending(l => l.Version).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        var report = Core.Reports.AnnualReportJson.Read(row.Json);
        return new ReadReport($"平台已发布年报（第{row.Version}版）", "platform", null, report, CheckContext.Empty, [],
            DateOnly.FromDateTime(row.LockedAtUtc.InChina()));
    }
}
