using Gongkai.Data.Model;
using Gongkai.Data.Publishing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Features.Publishing;

/// <summary>An item of the 目录 as the API returns it (never the entity).</summary>
public sealed record PublicationItem(
    long Id, string IndexNumber, string Title, string AgencyId, int Category, string? Area, string? DocumentNumber, string? Subject,
    DateOnly WrittenOn, DateOnly? PublishedOn, string Validity, string Url, string? Body = null);

/// <param name="More">True when there are more than <c>Total</c> hits (counting stops at 1000).</param>
public sealed record PublicationPage(int Total, int Page, IReadOnlyList<PublicationItem> Items, bool More = false);

/// <summary>Public read API of the published 目录, with the same search as /search.</summary>
public static class PublicationsApi
{
    public static void MapPublicationsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/publications").WithTags("publications");
        api.MapGet("/", SearchAsync);
        api.MapGet("/{id:long}", GetAsync);
    }

    public static PublicationItem AsItem(this PublicationRow p, bool withBody = false) =>
        new(p.Id, p.IndexNumber, p.Title, p.AgencyId, p.Category, p.Area, p.DocumentNumber, p.Subject, p.WrittenOn, p.PublishedOn, p.Validity,
            $"/catalog/{p.Id}", withBody ? p.Body : null);

    public static async Task<Results<Ok<PublicationPage>, ValidationProblem>> SearchAsync(string? q, int? category, string? area, int? page, GongkaiDbContext db, CancellationToken ct)
    {
        if (q is { Length: > 100 } || page is < 1 or > 100000)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [q is { Length: > 100 } ? "q" : "page"] = [q is { Length: > 100 } ? "关键词不超过 100 字" : "页码应在 1–100000 之间"] }, title: "查询条件有误");
        }

        var result = await PublicationSearch.SearchAsync(db, new SearchQuery(q, category, area, Page: page ?? 1), ct);
        return TypedResults.Ok(new PublicationPage(result.Total, page ?? 1, result.Items.Select(i => i.AsItem()).ToArray(), result.More));
    }

    /// <summary>A published item; 410 for one withdrawn (撤回), 404 for one that never was published.</summary>
    public static async Task<Results<Ok<PublicationItem>, ProblemHttpResult>> GetAsync(long id, GongkaiDbContext db, CancellationToken ct) =>
        await db.Publications.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && (p.PublishedOn != null || p.WithdrawnAtUtc != null), ct) is { } row
            ? row.PublishedOn is null
                ? TypedResults.Problem($"编号为 {id} 的信息已撤回，不再公开", statusCode: StatusCodes.Status410Gone, title: "已撤回")
                : TypedResults.Ok(row.AsItem(withBody: true))
            : ApiProblems.NotFound($"没有编号为 {id} 的已发布信息");
}

public static class ApiProblems
{
    public static ProblemHttpResult NotFound(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "未找到");

    public static ProblemHttpResult Refused(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "不能办理");
}
