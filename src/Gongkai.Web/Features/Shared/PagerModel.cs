using Microsoft.AspNetCore.Http.Extensions;

namespace Gongkai.Web.Features.Shared;

/// <summary>Previous/next links that keep the other query parameters.</summary>
public sealed record PagerModel(string Path, IQueryCollection Query, int Page, int Total, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public string Href(int page)
    {
        var q = new QueryBuilder(Query.Where(kv => kv.Key != "page").SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string>(kv.Key, v ?? ""))))
        {
            { "page", page.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        return Path + q.ToQueryString();
    }
}
