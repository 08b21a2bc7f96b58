using Gongkai.Core.Reports;
using Gongkai.Data.Model;
using Gongkai.Data.Reports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Web.Features.Reports;

public sealed record ReportListItem(string AgencyId, string Agency, int Year, string Title, DateTime PublishedAtUtc, string Url);

/// <summary>Public read API of the published annual reports; a report is served in the gongkai.annual-report/1 format (DESIGN §4).</summary>
public static class ReportsApi
{
    public static void MapReportsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/reports").WithTags("reports");
        api.MapGet("/", async (GongkaiDbContext db, CancellationToken ct) =>
            TypedResults.Ok((await PublishedReports.ListAsync(db, ct))
                .Select(r => new ReportListItem(r.AgencyId, r.AgencyName, r.Year, r.Title, r.PublishedAtUtc, $"/api/reports/{Uri.EscapeDataString(r.AgencyId)}/{r.Year}"))
                .ToArray()));
        api.MapGet("/{agencyId}/{year:int}", GetAsync);
    }

    public static async Task<IResult> GetAsync(string agencyId, int year, GongkaiDbContext db, CancellationToken ct) =>
        await ReportLocks.FiledAsync(db, agencyId, year, ct) is { } filed
            ? TypedResults.Content(AnnualReportJson.Write(filed), "application/json; charset=utf-8")
            : ApiProblems.NotFound($"{agencyId} 的 {year} 年度报告尚未发布");
}
