using Gongkai.Data;
using Gongkai.Data.Demo;
using Gongkai.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Storage;

/// <summary>The database named by <c>--db</c> (same meaning as the CLI's), migrated and seeded on first start.</summary>
public sealed record StorageOptions(string Db);

public static class StorageSetup
{
    public static IServiceCollection AddGongkaiStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new StorageOptions(configuration["db"] ?? GongkaiDatabase.DefaultPath);
        services.AddSingleton(options);
        services.AddGongkaiData(options.Db);
        // The web's use cases over the stores, scoped like the context they share.
        services.AddScoped<Features.Cases.CaseBoard>();
        services.AddScoped<Features.Applications.ApplicationIntake>();
        return services;
    }

    /// <summary>
    /// Applies missing schema versions and, on an empty default database (or with <c>--demo true</c>), seeds the demo district; then makes
    /// sure the staff roles and a first 管理员 exist. Returns the lines to show on the console once.
    /// </summary>
    public static IReadOnlyList<string> PrepareDatabase(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        Migrator.Migrate(db);
        var demo = false;
        // Demo data only where asked for: the README's command on its default database, or --demo true.
        // A database named with --db (production) gets only the first 管理员.
        var storage = scope.ServiceProvider.GetRequiredService<StorageOptions>();
        var wantDemo = app.Configuration["demo"] is { } flag
            ? string.Equals(flag, "true", StringComparison.OrdinalIgnoreCase)
            : storage.Db == GongkaiDatabase.DefaultPath;
        if (wantDemo && !db.Agencies.Any())
        {
            var created = DemoSeeder.SeedAsync(db, new DemoOptions()).GetAwaiter().GetResult();
            app.Logger.LogInformation("Seeded the demo district with {Applications} applications", created);
            demo = true;
        }

        var resetAdmin = string.Equals(app.Configuration["reset-admin"], "true", StringComparison.OrdinalIgnoreCase);
        return WorkspaceSeeder.SeedAsync(scope.ServiceProvider, demo, resetAdmin).GetAwaiter().GetResult();
    }

    public static void MapHealth(this WebApplication app) =>
        app.MapGet("/health", async (GongkaiDbContext db, CancellationToken ct) =>
            await db.Database.CanConnectAsync(ct) ? Results.Text("ok") : Results.StatusCode(StatusCodes.Status503ServiceUnavailable));
}
