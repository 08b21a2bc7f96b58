using System.Reflection;
using System.Text;
using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Rules;
using Gongkai.Documents.Reports;

namespace Gongkai.Web.Portal;

/// <summary>
/// The public portal. Until case records and storage land (issues 6 and 7) it publishes the
/// annual reports shipped as demo data, rendered in the official layout.
/// </summary>
public static class PortalEndpoints
{
    public static void MapPortal(this WebApplication app)
    {
        app.MapGet("/", Home);
        app.MapGet("/reports", Home);
        app.MapGet("/reports/{year:int}", ReportPage);
        app.MapGet("/reports/{year:int}.json", ReportJson);
    }

    private static IReadOnlyList<AnnualReport> DemoReports() => _demo.Value;

    private static readonly Lazy<IReadOnlyList<AnnualReport>> _demo = new(() =>
    {
        var assembly = Assembly.GetExecutingAssembly();
        return assembly.GetManifestResourceNames()
            .Where(n => n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return AnnualReportJson.Read(reader.ReadToEnd());
            })
            .OrderByDescending(r => r.Year)
            .ToArray();
    });

    private static IResult Home()
    {
        var sb = new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>政府信息公开</title></head><body>");
        sb.Append("<h1>政府信息公开</h1><h2>政府信息公开年报</h2><ul>");
        foreach (var r in DemoReports())
        {
            var y = r.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
            sb.Append("<li><a href=\"/reports/").Append(y).Append("\">")
              .Append(System.Net.WebUtility.HtmlEncode(ReportSectionsTitle(r))).Append("</a> （<a href=\"/reports/").Append(y).Append(".json\">JSON</a>）</li>");
        }

        sb.Append("</ul></body></html>");
        return Results.Content(sb.ToString(), "text/html; charset=utf-8");
    }

    private static string ReportSectionsTitle(AnnualReport r) => Core.Statute.ReportSections.Title(r.Agency, r.Year);

    private static IResult ReportPage(int year) =>
        DemoReports().FirstOrDefault(r => r.Year == year) is { } report
            ? Results.Content(ReportHtmlWriter.Write(report, ReportChecker.Check(report)), "text/html; charset=utf-8")
            : Results.NotFound();

    private static IResult ReportJson(int year) =>
        DemoReports().FirstOrDefault(r => r.Year == year) is { } report
            ? Results.Content(AnnualReportJson.Write(report), "application/json; charset=utf-8")
            : Results.NotFound();
}
