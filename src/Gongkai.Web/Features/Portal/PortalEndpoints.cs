using Gongkai.Core.Calendar;
using Gongkai.Core.Reports;
using Gongkai.Core.Statute;
using Gongkai.Core.Reports.Rules;
using Gongkai.Data.Model;
using Gongkai.Data.Reports;
using Gongkai.Documents.Reports;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Features.Portal;

/// <summary>
/// Published annual reports (the locked years) in the official layout and as downloads: DOCX
/// (公文 layout), PDF (Chromium), XLSX and JSON (gongkai.annual-report/1). What is published is the
/// report as filed; a year that was never locked is not on the portal.
/// </summary>
public static class PortalEndpoints
{
    public static void MapPortal(this WebApplication app)
    {
        app.MapGet("/reports/{agencyId}/{year:int}", ReportPage);
        app.MapGet("/{agencyId}/reports/{year:int}", ReportPage).CacheOutput(PortalCache.Policy); // the same report, from the agency's 专栏
        app.MapGet("/reports/{agencyId}/{year:int}.{format}", DownloadAsync);
        app.MapGet("/catalog/{id:long}/attachments/{attachmentId:long}", AttachmentAsync);
    }

    /// <summary>An attachment of a published item (a draft's attachments are not public).</summary>
    private static async Task<IResult> AttachmentAsync(long id, long attachmentId, GongkaiDbContext db, CancellationToken ct)
    {
        var file = await db.Attachments.AsNoTracking()
            .Where(a => a.Id == attachmentId && a.PublicationId == id && db.Publications.Any(p => p.Id == id && p.PublishedOn != null))
            .SingleOrDefaultAsync(ct);
        return file is null ? Results.NotFound() : Results.File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>The latest version (a 更正版 says so, with its date and links to every earlier version), or <c>?version=N</c>.</summary>
    private static async Task<IResult> ReportPage(string agencyId, int year, int? version, GongkaiDbContext db, CancellationToken ct)
    {
        var versions = await ReportLocks.VersionsAsync(db, agencyId, year, ct);
        var shown = version is { } v ? versions.FirstOrDefault(x => x.Version == v) : versions.LastOrDefault();
        if (shown is null || await ReportLocks.FiledAsync(db, agencyId, year, ct, shown.Version) is not { } report)
        {
            return Results.NotFound();
        }

        var baseHref = $"/reports/{Uri.EscapeDataString(agencyId)}/{year}";
        var nav = $"<a href=\"/reports\">← 政府信息公开年报</a> 下载：<a href=\"{baseHref}.docx\">DOCX</a><a href=\"{baseHref}.pdf\">PDF</a><a href=\"{baseHref}.xlsx\">XLSX</a><a href=\"{baseHref}.json\">JSON</a>";
        nav += VersionNote(versions, shown, baseHref);
        return Results.Content(ReportHtmlWriter.Write(report, navigationHtml: nav), "text/html; charset=utf-8");
    }

    private static string VersionNote(IReadOnlyList<FiledVersion> versions, FiledVersion shown, string baseHref)
    {
        if (versions.Count < 2)
        {
            return "";
        }

        static string Date(FiledVersion v) => v.LockedAtUtc.InChina().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var latest = versions[^1];
        var others = versions.Where(v => v != shown).Select(v =>
            $"<a href=\"{baseHref}{(v == latest ? "" : $"?version={v.Version}")}\">{(v.Version == 1 ? "原版本" : $"第 {v.Version} 版")}（{Date(v)}）</a>");
        var what = shown == latest
            ? $"更正版（第 {shown.Version} 版，{Date(shown)} 发布）"
            : $"{(shown.Version == 1 ? "原版本" : $"第 {shown.Version} 版")}（{Date(shown)} 发布，已被更正）";
        return $" <span class=\"version\" id=\"report-version\">{what}；其他版本：{string.Join("、", others)}</span>";
    }

    /// <summary>
    /// <c>.json</c>, <c>.docx</c>, <c>.xlsx</c> or <c>.pdf</c> of a filed report (the latest version, or
    /// <c>?version=N</c>); any other extension is 404. DOCX, XLSX and PDF are rendered once per version
    /// and stored (<see cref="ReportRenderings"/>).
    /// </summary>
    private static async Task<IResult> DownloadAsync(string agencyId, int year, string format, int? version, GongkaiDbContext db, HttpContext http, CancellationToken ct)
    {
        var versions = await ReportLocks.VersionsAsync(db, agencyId, year, ct);
        var shown = version is null ? versions.LastOrDefault() : versions.FirstOrDefault(v => v.Version == version);
        if (format is not ("json" or "docx" or "xlsx" or "pdf") || shown is null || await ReportLocks.FiledAsync(db, agencyId, year, ct, shown.Version) is not { } report)
        {
            return Results.NotFound();
        }

        var file = ReportSections.Title(report.Agency, year) + "." + format;
        // A version never changes once filed: ?version=N is immutable; the latest may become a 更正版, so it is revalidated by its ETag.
        http.Response.Headers.CacheControl = version is null ? "public, no-cache" : "public, max-age=31536000, immutable";
        var etag = new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{Uri.EscapeDataString(agencyId)}-{year}-v{shown.Version}-{format}\"");
        if (format == "json")
        {
            http.Response.Headers.ETag = etag.ToString();
            return Results.Content(AnnualReportJson.Write(report), "application/json; charset=utf-8");
        }

        var (contentType, render) = format switch
        {
            "docx" => ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", (Func<CancellationToken, Task<byte[]>>)(_ => Task.FromResult(ReportDocxWriter.Write(report)))),
            "xlsx" => ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", _ => Task.FromResult(ReportXlsxWriter.Write(report, ReportChecker.Check(report)))),
            _ => ("application/pdf", c => ReportPdfWriter.WriteHtmlAsync(ReportHtmlWriter.Write(report), c)),
        };
        // Results.File answers If-None-Match with 304.
        return Results.File(await ReportRenderings.GetOrRenderAsync(db, agencyId, year, shown.Version, format, contentType, render, ct), contentType, file, entityTag: etag);
    }
}
