namespace Gongkai.Web.Security;

/// <summary>
/// Headers on every response: a Content-Security-Policy (scripts only from this site, no framing
/// by others, forms only to this site), X-Content-Type-Options, Referrer-Policy and
/// Permissions-Policy; responses carrying personal data (the cases API and application tracking)
/// are marked <c>Cache-Control: no-store</c>. Kestrel's <c>Server</c> header is switched off in
/// <c>Program</c>. Styles still allow inline CSS: the report pages embed their print stylesheet.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                if (CarriesPersonalData(context.Request))
                {
                    headers.CacheControl = "no-store";
                }

                return Task.CompletedTask;
            });
            await next();
        });

    /// <summary>
    /// Behind a TLS-terminating proxy (<c>Security:BehindTlsProxy=true</c>): the client's address and
    /// scheme from X-Forwarded-For/-Proto, trusted only from <c>Security:KnownProxies</c> (addresses;
    /// loopback when none are given), and Strict-Transport-Security on every answer.
    /// </summary>
    public static IApplicationBuilder UseTlsProxy(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Security:BehindTlsProxy", false))
        {
            return app;
        }

        var options = new ForwardedHeadersOptions { ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto };
        foreach (var proxy in app.Configuration.GetSection("Security:KnownProxies").Get<string[]>() ?? [])
        {
            options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
        }

        app.UseForwardedHeaders(options);
        return app.Use(async (context, next) =>
        {
            context.Response.Headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            await next();
        });
    }

    private static bool CarriesPersonalData(HttpRequest request) =>
        request.Path.StartsWithSegments("/api/cases", StringComparison.Ordinal)
        || request.Path.StartsWithSegments("/api/applications", StringComparison.Ordinal)
        || request.Path.StartsWithSegments("/track", StringComparison.Ordinal)
        || request.Path.StartsWithSegments("/admin", StringComparison.Ordinal)
        || request.Path.StartsWithSegments("/account", StringComparison.Ordinal)
        || request.Path.StartsWithSegments("/login", StringComparison.Ordinal);
}
