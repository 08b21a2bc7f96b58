using Microsoft.AspNetCore.Http.Features;

namespace Gongkai.Web.Workspace;

public static class PagesSetup
{
    /// <summary>Server-rendered pages: the portal is public, everything under /admin needs a staff sign-in; every form carries an antiforgery token.</summary>
    public static IServiceCollection AddGongkaiPages(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Admin");
            o.Conventions.AuthorizeFolder("/Account");
            // Each agency's 政府信息公开专栏: the platform's pages again under /{agencyId}/ (Portal/PortalPage resolves the agency).
            foreach (var (page, route) in new[] { ("/Catalog", "catalog"), ("/CatalogItem", "catalog/{id:long}"), ("/Search", "search"), ("/Guide", "guide"), ("/Reports", "reports"), ("/Apply", "apply") })
            {
                o.Conventions.AddPageRoute(page, "{agencyId}/" + route);
            }

            foreach (var page in new[] { "/Index", "/AgencyHome", "/Catalog", "/CatalogItem", "/Search", "/Guide", "/Reports" })
            {
                o.Conventions.AddPageApplicationModelConvention(page, m => m.EndpointMetadata.Add(new Microsoft.AspNetCore.OutputCaching.OutputCacheAttribute { PolicyName = Portal.PortalCache.Policy }));
            }
        });
        services.AddAntiforgery(o => o.Cookie.Name = "gongkai.af");
        services.Configure<FormOptions>(o =>
        {
            // Uploads for 年报审查 are many reports at once; a single text field is never this large.
            o.ValueLengthLimit = 256 * 1024;
            o.ValueCountLimit = 200;
            o.MultipartBodyLengthLimit = 64L * 1024 * 1024;
        });
        return services;
    }
}
