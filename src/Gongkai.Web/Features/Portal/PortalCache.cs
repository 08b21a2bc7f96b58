using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Features.Portal;

/// <summary>
/// The public pages are the same for every visitor, so anonymous GETs of them are served from an
/// output cache (DESIGN §7: the catalogue page within 2× of a static file). Publishing an item or a
/// report evicts the portal's pages at once — on every node when the cache is in Redis; with the
/// in-memory cache of one node, another node would hold a page for at most <see cref="Lifetime"/>. A page is kept once per 长者模式 (<see cref="DisplayMode"/>). Signed-in staff and posted forms are never cached (the default policy).
/// </summary>
public static class PortalCache
{
    public const string Policy = "portal";
    public const string Tag = "portal";
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The cache lives in this node's memory, or — with <c>--redis host:port</c> (configuration key <c>redis</c>) — in Redis,
    /// shared by every node: a publication on one node evicts the pages on all of them at once.
    /// </summary>
    public static IServiceCollection AddPortalCache(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration["redis"] is { Length: > 0 } redis)
        {
            services.AddStackExchangeRedisOutputCache(o =>
            {
                o.Configuration = redis;
                o.InstanceName = "gongkai:";
            });
        }

        return services.AddOutputCache(o => o.AddPolicy(Policy, b => b.With(IsAnonymous).Expire(Lifetime).Tag(Tag).SetVaryByQuery("*")
            .VaryByValue(context => new("display", DisplayMode.IsElder(context) ? DisplayMode.Elder : "standard"))));
    }

    /// <summary>
    /// The cache runs before authentication (Program.cs: a cached page costs no cookie decryption,
    /// static-file probe or authorization), so "anonymous" is decided by the request itself: no
    /// sign-in cookie. Staff pass through to the pages, uncached, as before.
    /// </summary>
    private static bool IsAnonymous(OutputCacheContext context) =>
        !context.HttpContext.Request.Cookies.ContainsKey(Staff.StaffSetup.CookieName);

    /// <summary>After anything that changes what the public sees (an item published, a report locked).</summary>
    public static Task EvictAsync(IOutputCacheStore store, CancellationToken ct) => store.EvictByTagAsync(Tag, ct).AsTask();
}
