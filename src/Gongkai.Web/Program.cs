using Gongkai.Web.Applications;
using Gongkai.Web.Portal;
using Gongkai.Web.Staff;
using Gongkai.Web.Storage;
using Gongkai.Web.Workspace;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddProblemDetails();
builder.Services.AddGongkaiStorage(builder.Configuration);
builder.Services.AddGongkaiStaff();
builder.Services.AddGongkaiPages();
builder.Services.AddOpenApi();

var app = builder.Build();
var firstStart = app.PrepareDatabase();
app.UseStatusCodePagesWithReExecute("/status/{0}");
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();
app.MapRazorPages();
app.MapPortal();
app.MapApplicationsApi();
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
