using Gongkai.Core.Calendar;
using Gongkai.Core.Publishing;
using Gongkai.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Publishing;

/// <summary>A 第四十四条 suggestion still waiting for a decision.</summary>
public sealed record DisclosureSuggestion(string AgencyId, SimilarGroup Group);

/// <summary>
/// 第四十四条 suggestions in storage: the groups of <see cref="SimilarRequests"/> over each agency's last 12
/// months of applications, less those already decided; a 经办人 accepts one (a draft publication is
/// started, linked to the applications) or dismisses it with a reason. Both are audited.
/// </summary>
public sealed class SuggestionStore(GongkaiDbContext db, PublicationStore publications)
{
    public async Task<IReadOnlyList<DisclosureSuggestion>> OpenAsync(IReadOnlyList<string> agencyIds, CancellationToken ct = default)
    {
        var today = db.Clock.TodayInChina();
        var since = today.AddDays(-SimilarRequests.Window);
        var rows = await db.Applications.AsNoTracking().Where(a => agencyIds.Contains(a.AgencyId) && a.ReceivedOn > since)
            .Select(a => new { a.AgencyId, a.TrackingNumber, a.ReceivedOn, a.Description }).ToListAsync(ct).ConfigureAwait(false);
        var decided = (await db.DisclosureSuggestions.AsNoTracking().Where(s => agencyIds.Contains(s.AgencyId)).Select(s => new { s.AgencyId, s.GroupKey }).ToListAsync(ct).ConfigureAwait(false))
            .Select(s => (s.AgencyId, s.GroupKey)).ToHashSet();
        return rows.GroupBy(r => r.AgencyId)
            .SelectMany(g => SimilarRequests.Groups(g.Select(r => new RequestText(r.TrackingNumber, r.ReceivedOn, r.Description)).ToArray(), today)
                .Where(s => !decided.Contains((g.Key, s.Key)))
                .Select(s => new DisclosureSuggestion(g.Key, s)))
            .OrderByDescending(s => s.Group.Requests.Count).ToArray();
    }

    /// <summary>Starts a draft from the suggestion (the 经办人 completes it and sends it through the review chain); returns the draft.</summary>
    public async Task<PublicationRow> AcceptAsync(string agencyId, string groupKey, int category, Actor actor, CancellationToken ct = default)
    {
        var suggestion = await FindAsync(agencyId, groupKey, actor, ct).ConfigureAwait(false);
        var first = suggestion.Group.Requests[0].Description.Trim();
        var title = "依申请公开转主动公开：" + (first.Length > 80 ? first[..80] : first);
        var body = $"以下 {suggestion.Group.Requests.Count} 件政府信息公开申请所需信息相同或相近，依照《中华人民共和国政府信息公开条例》第四十四条转为主动公开（请补充正文后送审）：\n"
                   + string.Join("\n", suggestion.Group.Requests.Select(r => $"{r.TrackingNumber}（{r.ReceivedOn:yyyy-MM-dd}）：{r.Description}"));
        var draft = await publications.DraftAsync(new PublicationInput(agencyId, title, body, category, null, null, null, db.Clock.TodayInChina()), actor, ct: ct).ConfigureAwait(false);
        await DecideAsync(suggestion, accepted: true, null, draft.Id, actor, ct).ConfigureAwait(false);
        return draft;
    }

    public async Task DismissAsync(string agencyId, string groupKey, string? reason, Actor actor, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 1000)
        {
            throw new PublicationException("请写明不予采纳的理由（1000 字以内）");
        }

        await DecideAsync(await FindAsync(agencyId, groupKey, actor, ct).ConfigureAwait(false), accepted: false, reason.Trim(), null, actor, ct).ConfigureAwait(false);
    }

    private async Task<DisclosureSuggestion> FindAsync(string agencyId, string groupKey, Actor actor, CancellationToken ct)
    {
        if (!actor.Roles.Contains(StaffRoles.Clerk))
        {
            throw new PublicationException("处理主动公开建议须由经办人办理");
        }

        return (await OpenAsync([agencyId], ct).ConfigureAwait(false)).FirstOrDefault(s => s.Group.Key == groupKey)
               ?? throw new PublicationException("该建议不存在或已处理");
    }

    private async Task DecideAsync(DisclosureSuggestion s, bool accepted, string? reason, long? publicationId, Actor actor, CancellationToken ct)
    {
        db.DisclosureSuggestions.Add(new DisclosureSuggestionRow
        {
            AgencyId = s.AgencyId, GroupKey = s.Group.Key, TrackingNumbers = string.Join(",", s.Group.Requests.Select(r => r.TrackingNumber)),
            Accepted = accepted, Reason = reason, PublicationId = publicationId, DecidedBy = actor.Name,
        });
        db.Audit.Add(AuditRow.Of(actor.Name, "disclosure-suggestion", $"{s.AgencyId}:{s.Group.Key}", accepted ? "accepted" : "dismissed", null, new { requests = s.Group.Requests.Count, reason, publicationId }));
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }
}
