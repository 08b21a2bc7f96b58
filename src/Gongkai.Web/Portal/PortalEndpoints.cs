using System.Globalization;
using System.Net;
using System.Text;
using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Rules;
using Gongkai.Core.Statute;
using Gongkai.Data.Model;
using Gongkai.Data.Reports;
using Gongkai.Documents.Reports;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Portal;

/// <summary>
/// The public portal. Until the workspace lands (issue 7) it publishes, for every agency and
/// year with records, the annual report generated from those records in the official layout.
/// </summary>
public static class PortalEndpoints
{
    public static void MapPortal(this WebApplication app)
    {
        app.MapGet("/", Home);
        app.MapGet("/reports", Home);
        app.MapGet("/reports/{agencyId}/{year:int}", ReportPage);
        app.MapGet("/reports/{agencyId}/{year:int}.json", ReportJson);
    }

    private static async Task<IResult> Home(GongkaiDbContext db, CancellationToken ct)
    {
        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct);
        var years = await db.Applications.Select(a => a.ReceivedOn.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
        var sb = new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>政府信息公开</title></head><body>");
        sb.Append("<h1>政府信息公开</h1><h2>政府信息公开年报</h2>");
        foreach (var agency in agencies)
        {
            sb.Append("<h3>").Append(E(agency.Name)).Append("</h3><ul>");
            foreach (var year in years)
            {
                var y = year.ToString(CultureInfo.InvariantCulture);
                var href = $"/reports/{Uri.EscapeDataString(agency.Id)}/{y}";
                sb.Append("<li><a href=\"").Append(href).Append("\">").Append(E(ReportSections.Title(agency.Name, year)))
                  .Append("</a>（<a href=\"").Append(href).Append(".json\">JSON</a>）</li>");
            }

            sb.Append("</ul>");
        }

        sb.Append("</body></html>");
        return Results.Content(sb.ToString(), "text/html; charset=utf-8");
    }

    private static async Task<AnnualReport?> Generate(GongkaiDbContext db, string agencyId, int year, CancellationToken ct)
    {
        if (year is < 2000 or > 2999 || !await db.Agencies.AnyAsync(a => a.Id == agencyId, ct))
        {
            return null;
        }

        var isGovernment = await db.Agencies.AnyAsync(a => a.ParentId == agencyId, ct);
        return await RecordsReport.BuildAsync(db, agencyId, year, includeSubordinates: isGovernment, ct);
    }

    private static async Task<IResult> ReportPage(string agencyId, int year, GongkaiDbContext db, CancellationToken ct) =>
        await Generate(db, agencyId, year, ct) is { } report
            ? Results.Content(ReportHtmlWriter.Write(report, ReportChecker.Check(report)), "text/html; charset=utf-8")
            : Results.NotFound();

    private static async Task<IResult> ReportJson(string agencyId, int year, GongkaiDbContext db, CancellationToken ct) =>
        await Generate(db, agencyId, year, ct) is { } report
            ? Results.Content(AnnualReportJson.Write(report), "application/json; charset=utf-8")
            : Results.NotFound();

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
