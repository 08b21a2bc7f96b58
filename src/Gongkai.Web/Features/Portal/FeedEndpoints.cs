using System.Globalization;
using System.Text;
using System.Xml;
using Gongkai.Core.Calendar;
using Gongkai.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Features.Portal;

/// <summary>
/// Machine-readable views of the portal: an Atom feed of newly published items for the platform
/// (<c>/feed.atom</c>) and for each agency's 专栏 (<c>/{agencyId}/feed.atom</c>), and <c>/sitemap.xml</c>
/// listing the public pages, every agency's 专栏, the published items and reports. Served from the
/// portal's output cache, which a publication evicts.
/// </summary>
public static class FeedEndpoints
{
    /// <summary>Entries in a feed: the newest items.</summary>
    public const int FeedSize = 50;

    /// <summary>The sitemap protocol's limit of URLs in one file; beyond it the newest items are listed.</summary>
    public const int SitemapLimit = 50_000;

    public static void MapFeeds(this WebApplication app)
    {
        app.MapGet("/feed.atom", (HttpContext http, GongkaiDbContext db, CancellationToken ct) => FeedAsync(null, http, db, ct)).CacheOutput(PortalCache.Policy);
        app.MapGet("/{agencyId}/feed.atom", (string agencyId, HttpContext http, GongkaiDbContext db, CancellationToken ct) => FeedAsync(agencyId, http, db, ct)).CacheOutput(PortalCache.Policy);
        app.MapGet("/sitemap.xml", SitemapAsync).CacheOutput(PortalCache.Policy);
    }

    private static string Origin(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}";

    private static async Task<IResult> FeedAsync(string? agencyId, HttpContext http, GongkaiDbContext db, CancellationToken ct)
    {
        var agency = agencyId is null ? null : await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == agencyId, ct);
        if (agencyId is not null && agency is null)
        {
            return Results.NotFound();
        }

        var items = await db.Publications.AsNoTracking().Where(p => p.PublishedOn != null && (agencyId == null || p.AgencyId == agencyId))
            .OrderByDescending(p => p.PublishedOn).ThenByDescending(p => p.Id).Take(FeedSize)
            .Join(db.Agencies, p => p.AgencyId, a => a.Id, (p, a) => new { p.Id, p.Title, p.Body, p.PublishedOn, p.IndexNumber, Agency = a.Name })
            .ToListAsync(ct);
        var origin = Origin(http);
        var self = origin + (agencyId is null ? "" : "/" + Uri.EscapeDataString(agencyId)) + "/feed.atom";
        var baseUrl = origin + (agencyId is null ? "" : "/" + Uri.EscapeDataString(agencyId));
        static string Stamp(DateOnly d) => new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), ChinaClock.Offset).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);

        var xml = Write(w =>
        {
            w.WriteStartElement("feed", "http://www.w3.org/2005/Atom");
            w.WriteElementString("title", (agency?.Name ?? "") + "政府信息公开");
            w.WriteElementString("id", self);
            w.WriteStartElement("link"); w.WriteAttributeString("rel", "self"); w.WriteAttributeString("href", self); w.WriteEndElement();
            w.WriteStartElement("link"); w.WriteAttributeString("href", baseUrl + "/catalog"); w.WriteEndElement();
            w.WriteElementString("updated", items.Count > 0 ? Stamp(items[0].PublishedOn!.Value) : Stamp(new DateOnly(2019, 5, 15)));
            foreach (var item in items)
            {
                var url = $"{baseUrl}/catalog/{item.Id}";
                w.WriteStartElement("entry");
                w.WriteElementString("title", item.Title);
                w.WriteElementString("id", url);
                w.WriteStartElement("link"); w.WriteAttributeString("href", url); w.WriteEndElement();
                w.WriteElementString("updated", Stamp(item.PublishedOn!.Value));
                w.WriteStartElement("author"); w.WriteElementString("name", item.Agency); w.WriteEndElement();
                w.WriteElementString("summary", $"索引号：{item.IndexNumber}。" + (item.Body.Length > 200 ? item.Body[..200] + "…" : item.Body));
                w.WriteEndElement();
            }

            w.WriteEndElement();
        });
        return Results.Text(xml, "application/atom+xml; charset=utf-8");
    }

    private static async Task<IResult> SitemapAsync(HttpContext http, GongkaiDbContext db, CancellationToken ct)
    {
        var origin = Origin(http);
        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(ct);
        var reports = await db.ReportLocks.AsNoTracking().Where(l => l.Version == 1).OrderBy(l => l.AgencyId).ThenBy(l => l.Year).Select(l => new { l.AgencyId, l.Year }).ToListAsync(ct);
        var pages = new List<string> { "/", "/catalog", "/guide", "/reports", "/apply", "/track", "/search" };
        foreach (var id in agencies)
        {
            var b = "/" + Uri.EscapeDataString(id);
            pages.AddRange([b, b + "/catalog", b + "/guide", b + "/reports", b + "/apply"]);
        }

        pages.AddRange(reports.Select(r => $"/reports/{Uri.EscapeDataString(r.AgencyId)}/{r.Year}"));
        var room = Math.Max(0, SitemapLimit - pages.Count);
        var items = await db.Publications.AsNoTracking().Where(p => p.PublishedOn != null).OrderByDescending(p => p.PublishedOn).ThenByDescending(p => p.Id).Take(room)
            .Select(p => new { p.Id, p.AgencyId, p.PublishedOn }).ToListAsync(ct);
        var xml = Write(w =>
        {
            w.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            foreach (var path in pages)
            {
                w.WriteStartElement("url"); w.WriteElementString("loc", origin + path); w.WriteEndElement();
            }

            foreach (var item in items)
            {
                w.WriteStartElement("url");
                w.WriteElementString("loc", $"{origin}/{Uri.EscapeDataString(item.AgencyId)}/catalog/{item.Id}");
                w.WriteElementString("lastmod", item.PublishedOn!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                w.WriteEndElement();
            }

            w.WriteEndElement();
        });
        return Results.Text(xml, "application/xml; charset=utf-8");
    }

    /// <summary>The document as UTF-8 text (written through a byte stream, so the declaration says utf-8).</summary>
    private static string Write(Action<XmlWriter> body)
    {
        using var stream = new MemoryStream();
        using (var w = XmlWriter.Create(stream, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
        {
            w.WriteStartDocument();
            body(w);
            w.WriteEndDocument();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
