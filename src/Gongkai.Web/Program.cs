using Gongkai.Core.Calendar;
using Gongkai.Web.Security;
using Gongkai.Web.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton(ChinaClock.Real); // the one real clock; tests replace it
builder.Services.AddProblemDetails();
builder.Services.AddGongkaiStorage(builder.Configuration);
builder.Services.AddGongkaiStaff(builder.Configuration);
builder.Services.AddGongkaiPages();
builder.Services.AddPortalCache(builder.Configuration);
builder.Services.AddOpenApi();
builder.Services.AddApplicationLimits(builder.Configuration);
builder.Services.AddGongkaiNotifications(builder.Configuration);
builder.Services.AddGongkaiJobs(builder.Configuration);
builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
// Request URLs can carry personal data (…?phone=): the per-request lines are not logged.
builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
builder.Logging.AddFilter("Microsoft.AspNetCore.Routing", LogLevel.Warning);

var app = builder.Build();
var firstStart = app.PrepareDatabase();
app.UseTlsProxy(); // Security:BehindTlsProxy — forwarded headers and HSTS
app.UseSecurityHeaders();
// Pages get a zh-CN error page; the API keeps its ProblemDetails and bare 401/403.
app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal), branch => branch.UseStatusCodePagesWithReExecute("/status/{0}"));
app.UseRouting(); // after the re-execution, so an error page is routed afresh
// Cached public pages are answered here, before static files, authentication and authorization:
// the portal policy caches only requests without the sign-in cookie (PortalCache), and no public
// page is rate-limited (the limits are on the application and sign-in endpoints).
app.UseOutputCache();
app.UseStaticFiles();
app.UseAuthentication();
app.UseStaffRestrictions();
app.UseAuthorization();
app.UseRateLimiter();
app.MapRazorPages();
app.MapPortal();
app.MapFeeds();
app.MapDisplayMode();
app.MapApplicationsApi();
app.MapPublicationsApi();
app.MapReportsApi();
app.MapCasesApi();
app.MapOpenApi();
app.MapHealth();
app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var url in app.Urls)
    {
        Console.WriteLine($"Gongkai 已启动：{url}");
    }

    foreach (var line in firstStart)
    {
        Console.WriteLine(line);
    }
});
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
