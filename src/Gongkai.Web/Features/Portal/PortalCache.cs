using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Features.Portal;

/// <summary>
/// The public pages are the same for every visitor, so anonymous GETs of them are served from an
/// in-memory output cache (DESIGN §7: the catalogue page within 2× of a static file). Publishing an
/// item or a report evicts the portal's pages at once on this node; other nodes hold a page for at
/// most <see cref="Lifetime"/>. A page is kept once per 长者模式 (<see cref="DisplayMode"/>). Signed-in staff and posted forms are never cached (the default policy).
/// </summary>
public static class PortalCache
{
    public const string Policy = "portal";
    public const string Tag = "portal";
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    public static IServiceCollection AddPortalCache(this IServiceCollection services) =>
        services.AddOutputCache(o => o.AddPolicy(Policy, b => b.Expire(Lifetime).Tag(Tag).SetVaryByQuery("*")
            .VaryByValue(context => new("display", DisplayMode.IsElder(context) ? DisplayMode.Elder : "standard"))));

    /// <summary>After anything that changes what the public sees (an item published, a report locked).</summary>
    public static Task EvictAsync(IOutputCacheStore store, CancellationToken ct) => store.EvictByTagAsync(Tag, ct).AsTask();
}
