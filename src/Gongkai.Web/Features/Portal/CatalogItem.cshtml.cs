using Gongkai.Data.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Features.Portal;

/// <summary>One published item with its 目录 metadata (索引号, 名称, 发布机构, 成文日期, 发布日期, 文号, 主题分类, 有效性), content and attachments; a revised one says 「已修订」 with the revision dates.</summary>
public sealed class CatalogItemModel(GongkaiDbContext db) : Portal.PortalPage(db)
{
    public PublicationRow Item { get; private set; } = null!;

    public string Publisher { get; private set; } = "";

    /// <summary>The published revisions (修订), oldest first: their dates and 修订说明.</summary>
    public IReadOnlyList<(DateOnly On, string Reason)> Revisions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var item = await Db.Publications.AsNoTracking().Include(p => p.Attachments).SingleOrDefaultAsync(p => p.Id == id && (p.PublishedOn != null || p.WithdrawnAtUtc != null), ct);
        if (item is null || Agency is { } agency && item.AgencyId != agency.Id)
        {
            return NotFound();
        }

        if (item.PublishedOn is null)
        {
            // Withdrawn (撤回): gone for good, said so — not a broken link.
            Item = item;
            Response.StatusCode = StatusCodes.Status410Gone;
            return Page();
        }

        Item = item;
        Publisher = await Db.Agencies.Where(a => a.Id == item.AgencyId).Select(a => a.Name).SingleAsync(ct);
        if (item.RevisedOn is not null)
        {
            var revisions = await Db.PublicationRevisions.Where(r => r.PublicationId == id && r.PublishedOn != null)
                .OrderBy(r => r.Number).Select(r => new { r.PublishedOn, r.Reason }).ToListAsync(ct);
            Revisions = revisions.Select(r => (r.PublishedOn!.Value, r.Reason)).ToArray();
        }

        return Page();
    }
}
