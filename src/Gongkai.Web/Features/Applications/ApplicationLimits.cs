using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Features.Applications;

/// <summary>
/// Abuse resistance for the anonymous application channel (DESIGN §7: a flood is throttled before
/// it reaches the records): at most <c>RateLimits:Applications:PermitLimit</c> submissions (default
/// 60) per client address in <c>RateLimits:Applications:WindowSeconds</c> (default 600) — on
/// <c>POST /api/applications</c> and the /apply form; reading the form is not limited. A refused
/// submission answers 429 with <c>Retry-After</c> and a zh-CN ProblemDetails (JSON) or message (page).
/// </summary>
public static class ApplicationLimits
{
    public const string Policy = "applications";

    /// <summary>Case lookups by number and phone (<c>GET /api/applications/{n}</c>, POST /track): <c>RateLimits:Tracking:*</c>, default 30 per 60 s.</summary>
    public const string TrackingPolicy = "tracking";

    /// <summary>Staff sign-in attempts (POST /login): <c>RateLimits:SignIn:*</c>, default 20 per 300 s.</summary>
    public const string SignInPolicy = "sign-in";

    /// <summary>Applications one applicant (same identity document, credit code or phone) may give in a day: <c>RateLimits:Applications:PerApplicantPerDay</c>, default 20.</summary>
    public static int PerApplicantPerDay(IConfiguration configuration) => configuration.GetValue("RateLimits:Applications:PerApplicantPerDay", 20);

    public static IServiceCollection AddApplicationLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = new Dictionary<string, (int Permits, TimeSpan Window, string Detail, string Back)>
        {
            [Policy] = (configuration.GetValue("RateLimits:Applications:PermitLimit", 60), TimeSpan.FromSeconds(configuration.GetValue("RateLimits:Applications:WindowSeconds", 600)), "提交过于频繁，请稍后再试", "/apply"),
            [TrackingPolicy] = (configuration.GetValue("RateLimits:Tracking:PermitLimit", 30), TimeSpan.FromSeconds(configuration.GetValue("RateLimits:Tracking:WindowSeconds", 60)), "查询过于频繁，请稍后再试", "/track"),
            [SignInPolicy] = (configuration.GetValue("RateLimits:SignIn:PermitLimit", 20), TimeSpan.FromSeconds(configuration.GetValue("RateLimits:SignIn:WindowSeconds", 300)), "登录尝试过于频繁，请稍后再试", "/login"),
        };
        services.AddRateLimiter(o =>
        {
            foreach (var (name, limit) in limits)
            {
                // Reading a form is never limited; posting it, and looking a case up through the API, is — per client address.
                o.AddPolicy(name, context => IsRead(context.Request) && !(name == TrackingPolicy && context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
                    ? RateLimitPartition.GetNoLimiter("read")
                    : RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = limit.Permits, Window = limit.Window, QueueLimit = 0 }));
            }

            o.OnRejected = async (context, ct) =>
            {
                var policy = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName ?? Policy;
                var limit = limits.GetValueOrDefault(policy, limits[Policy]);
                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : limit.Window;
                await TooManyAsync(context.HttpContext, retry, limit.Detail, limit.Back, ct);
            };
        });
        return services;
    }

    private static bool IsRead(HttpRequest request) => HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);

    /// <summary>429 with <c>Retry-After</c>: a zh-CN ProblemDetails for the API, a short zh-CN page otherwise.</summary>
    public static async Task TooManyAsync(HttpContext http, TimeSpan retry, string detail, string back, CancellationToken ct)
    {
        var response = http.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        if (http.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            await response.WriteAsJsonAsync(new { type = "https://tools.ietf.org/html/rfc6585#section-4", title = "请求过多", status = 429, detail }, options: null, contentType: "application/problem+json", cancellationToken: ct);
        }
        else
        {
            response.ContentType = "text/html; charset=utf-8";
            await response.WriteAsync($"<!doctype html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>请求过多</title><p>{detail}（约 {response.Headers.RetryAfter} 秒后）。<a href=\"{back}\">返回</a></p></html>", ct);
        }
    }
}
