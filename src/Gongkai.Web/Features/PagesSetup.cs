using Microsoft.AspNetCore.Http.Features;

namespace Gongkai.Web.Features;

public static class PagesSetup
{
    /// <summary>The URL prefixes whose pages need a staff sign-in (the workspace and one's own account).</summary>
    public static readonly IReadOnlyList<string> SignedInPrefixes = ["admin", "account"];

    /// <summary>
    /// Server-rendered pages, organised by feature under <c>Features/</c> (the pages of a feature beside its
    /// endpoints and services; every page states its URL with <c>@page</c>). Which pages need a sign-in
    /// follows from the URL, not the folder — everything under /admin and /account — so moving a page
    /// between features cannot expose it. Every form carries an antiforgery token.
    /// </summary>
    public static IServiceCollection AddGongkaiPages(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.Add(new SignedInByRoute());
            // Each agency's 政府信息公开专栏: the platform's pages again under /{agencyId}/ (Portal/PortalPage resolves the agency).
            foreach (var (page, route) in new[] { ("/Portal/Catalog", "catalog"), ("/Portal/CatalogItem", "catalog/{id:long}"), ("/Portal/Search", "search"), ("/Portal/Guide", "guide"), ("/Portal/Reports", "reports"), ("/Applications/Apply", "apply") })
            {
                o.Conventions.AddPageRoute(page, "{agencyId}/" + route);
            }

            foreach (var page in new[] { "/Portal/Index", "/Portal/AgencyHome", "/Portal/Catalog", "/Portal/CatalogItem", "/Portal/Search", "/Portal/Guide", "/Portal/Reports" })
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

/// <summary>Requires a staff sign-in for every page whose route starts with one of <see cref="PagesSetup.SignedInPrefixes"/>.</summary>
internal sealed class SignedInByRoute : Microsoft.AspNetCore.Mvc.ApplicationModels.IPageRouteModelConvention, Microsoft.AspNetCore.Mvc.ApplicationModels.IPageApplicationModelConvention
{
    private readonly HashSet<string> _pages = new(StringComparer.Ordinal);

    public void Apply(Microsoft.AspNetCore.Mvc.ApplicationModels.PageRouteModel model)
    {
        if (model.Selectors.Any(s => s.AttributeRouteModel?.Template is { } t && PagesSetup.SignedInPrefixes.Any(p => t == p || t.StartsWith(p + "/", StringComparison.OrdinalIgnoreCase))))
        {
            _pages.Add(model.ViewEnginePath);
        }
    }

    public void Apply(Microsoft.AspNetCore.Mvc.ApplicationModels.PageApplicationModel model)
    {
        if (_pages.Contains(model.ViewEnginePath))
        {
            model.EndpointMetadata.Add(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute());
        }
    }
}
