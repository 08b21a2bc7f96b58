using Gongkai.Web.Applications;
using Gongkai.Web.Portal;
using Gongkai.Web.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddProblemDetails();
builder.Services.AddGongkaiStorage(builder.Configuration);
builder.Services.AddOpenApi();

var app = builder.Build();
app.PrepareDatabase();
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
});
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
