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

    private static bool CarriesPersonalData(HttpRequest request) =>
        request.Path.StartsWithSegments("/api/cases", StringComparison.Ordinal)
        || request.Path.StartsWithSegments("/api/applications", StringComparison.Ordinal)
        || request.Path.StartsWithSegments("/track", StringComparison.Ordinal)
        || request.Path.StartsWithSegments("/admin", StringComparison.Ordinal);
}
