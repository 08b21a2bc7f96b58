using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Applications;

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

    public static IServiceCollection AddApplicationLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("RateLimits:Applications:PermitLimit", 60);
        var window = TimeSpan.FromSeconds(configuration.GetValue("RateLimits:Applications:WindowSeconds", 600));
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(Policy, context => HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));
            o.OnRejected = async (context, ct) =>
            {
                var response = context.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : window;
                response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                const string detail = "提交过于频繁，请稍后再试";
                if (context.HttpContext.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
                {
                    await response.WriteAsJsonAsync(new { type = "https://tools.ietf.org/html/rfc6585#section-4", title = "请求过多", status = 429, detail }, options: null, contentType: "application/problem+json", cancellationToken: ct);
                }
                else
                {
                    response.ContentType = "text/html; charset=utf-8";
                    await response.WriteAsync($"<!doctype html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>请求过多</title><p>{detail}（约 {response.Headers.RetryAfter} 秒后）。<a href=\"/apply\">返回申请页</a></p></html>", ct);
                }
            };
        });
        return services;
    }
}
