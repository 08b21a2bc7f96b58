using Gongkai.Data.Cases;
using Gongkai.Data.Model;
using Gongkai.Data.Publishing;
using Gongkai.Data.Records;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Data;

/// <summary>
/// The data layer for a host: the context (opened on <c>--db</c> with the host's one clock) and the
/// stores, one per request scope, received by injection in the handlers that use them.
/// </summary>
public static class DataServices
{
    public static IServiceCollection AddGongkaiData(this IServiceCollection services, string db)
    {
        services.AddScoped(sp => GongkaiDatabase.Open(db, sp.GetRequiredService<TimeProvider>()));
        services.AddScoped(sp => new CaseStore(sp.GetRequiredService<GongkaiDbContext>()));
        services.AddScoped(sp => new AnswerDraftStore(sp.GetRequiredService<GongkaiDbContext>(), sp.GetRequiredService<CaseStore>()));
        services.AddScoped(sp => new PublicationStore(sp.GetRequiredService<GongkaiDbContext>()));
        services.AddScoped(sp => new RevisionStore(sp.GetRequiredService<GongkaiDbContext>()));
        services.AddScoped(sp => new SuggestionStore(sp.GetRequiredService<GongkaiDbContext>(), sp.GetRequiredService<PublicationStore>()));
        services.AddScoped(sp => new RecordStore(sp.GetRequiredService<GongkaiDbContext>()));
        services.AddScoped(sp => new Review.ReviewStore(sp.GetRequiredService<GongkaiDbContext>()));
        return services;
    }
}
