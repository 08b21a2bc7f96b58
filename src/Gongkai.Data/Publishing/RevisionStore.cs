using Gongkai.Core.Publishing;
using Gongkai.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Publishing;

/// <summary>What a clerk changes when revising a published item, and why.</summary>
public sealed record RevisionInput(string Title, string Body, string? DocumentNumber, string? Subject, string Reason);

/// <summary>
/// 修订 of published items. A revision is drafted by a 经办人 and goes through the same chain as a new item
/// (起草 → 保密审查 → 审核 → 签发 → 发布, <see cref="PublicationReview"/>); the item stays public unchanged
/// meanwhile. Its 发布 step, in one transaction, puts the new content on the item (the 索引号 stays; the search
/// index follows the content), keeps the replaced version on the revision row, and sets the item's 修订日期.
/// One revision of an item is open at a time.
/// </summary>
public sealed class RevisionStore(GongkaiDbContext db)
{
    public static IReadOnlyDictionary<string, string> Validate(RevisionInput input)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, message) in PublicationStore.Validate(new PublicationInput("", input.Title, input.Body, 1, null, input.DocumentNumber, input.Subject, default)))
        {
            errors[key] = message;
        }

        if (string.IsNullOrWhiteSpace(input.Reason) || input.Reason.Trim().Length > 1000)
        {
            errors["reason"] = "请写明修订说明（1000 字以内）";
        }

        return errors;
    }

    /// <summary>The item's revisions, newest first, with their steps.</summary>
    public async Task<IReadOnlyList<PublicationRevisionRow>> OfAsync(long publicationId, CancellationToken ct = default) =>
        await db.PublicationRevisions.AsNoTracking().Include(r => r.Steps).Where(r => r.PublicationId == publicationId)
            .OrderByDescending(r => r.Number).ToListAsync(ct).ConfigureAwait(false);

    /// <summary>Starts a revision (起草) of a published item; throws <see cref="PublicationException"/> saying why it may not.</summary>
    public async Task<PublicationRevisionRow> DraftAsync(long publicationId, RevisionInput input, Actor actor, CancellationToken ct = default)
    {
        if (Validate(input) is { Count: > 0 } errors)
        {
            throw new PublicationException(string.Join("；", errors.Values));
        }

        if (PublicationReview.Refusal([], ReviewStep.Drafted, actor.Id, actor.Roles) is { } refusal)
        {
            throw new PublicationException(refusal);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        var item = await db.Publications.AsNoTracking().SingleOrDefaultAsync(p => p.Id == publicationId, ct).ConfigureAwait(false)
            ?? throw new PublicationException($"没有编号为 {publicationId} 的公开信息");
        if (item.PublishedOn is null)
        {
            throw new PublicationException(item.WithdrawnAtUtc is null ? "尚未发布的信息请直接在审核流程中修改，无需修订" : "该信息已撤回，不能修订");
        }

        var revisions = await db.PublicationRevisions.Where(r => r.PublicationId == publicationId)
            .Select(r => new { r.Number, r.PublishedOn }).ToListAsync(ct).ConfigureAwait(false);
        if (revisions.Any(r => r.PublishedOn is null))
        {
            throw new PublicationException("该信息已有一个修订在审核中，请先完成该修订");
        }

        var row = new PublicationRevisionRow
        {
            PublicationId = publicationId, Number = revisions.Count + 1, Title = input.Title.Trim(), Body = input.Body,
            DocumentNumber = Blank(input.DocumentNumber), Subject = Blank(input.Subject), Reason = input.Reason.Trim(),
        };
        row.Steps.Add(new PublicationRevisionStepRow { Step = (int)ReviewStep.Drafted, ActorId = actor.Id, ActorName = actor.Name });
        db.PublicationRevisions.Add(row);
        db.Audit.Add(AuditRow.Of(actor.Name, "publication", item.IndexNumber, "revision-drafted", new { item.Title }, new { revision = row.Number, row.Title, row.Reason }));
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return row;
    }

    /// <summary>
    /// Does the next step of the item's open revision, or throws <see cref="PublicationException"/> saying why it
    /// may not. The last step (发布) makes the revision the item's content.
    /// </summary>
    public async Task AdvanceAsync(long publicationId, ReviewStep step, Actor actor, DateOnly today, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        var revision = await db.PublicationRevisions.Include(r => r.Steps)
            .SingleOrDefaultAsync(r => r.PublicationId == publicationId && r.PublishedOn == null, ct).ConfigureAwait(false)
            ?? throw new PublicationException("该信息没有审核中的修订");
        var item = await db.Publications.SingleAsync(p => p.Id == publicationId, ct).ConfigureAwait(false);
        if (item.PublishedOn is null)
        {
            throw new PublicationException("该信息已撤回，不能继续修订");
        }

        if (PublicationReview.Refusal(Records(revision), step, actor.Id, actor.Roles) is { } refusal)
        {
            throw new PublicationException(refusal);
        }

        revision.Steps.Add(new PublicationRevisionStepRow { Step = (int)step, ActorId = actor.Id, ActorName = actor.Name });
        if (step == ReviewStep.Published)
        {
            (revision.ReplacedTitle, revision.ReplacedBody, revision.ReplacedDocumentNumber, revision.ReplacedSubject) =
                (item.Title, item.Body, item.DocumentNumber, item.Subject);
            await RenameNormativeRecordAsync(item, revision.Title, ct).ConfigureAwait(false);
            (item.Title, item.Body, item.DocumentNumber, item.Subject) = (revision.Title, revision.Body, revision.DocumentNumber, revision.Subject);
            (revision.PublishedOn, item.RevisedOn) = (today, today);
        }

        db.Audit.Add(AuditRow.Of(actor.Name, "publication", item.IndexNumber, "revision-" + PublicationReview.Label(step), after: new { revision = revision.Number, step = step.ToString() }));
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }

    public static IReadOnlyList<ReviewRecord> Records(PublicationRevisionRow row) =>
        row.Steps.OrderBy(s => s.Step).Select(s => new ReviewRecord((ReviewStep)s.Step, s.ActorId, s.ActorName, s.AtUtc)).ToArray();

    /// <summary>A normative document is matched to its record by title (see <see cref="PublicationStore.SetValidityAsync"/>): a retitled one keeps its record.</summary>
    private async Task RenameNormativeRecordAsync(PublicationRow item, string title, CancellationToken ct)
    {
        if (item.Title == title)
        {
            return;
        }

        foreach (var record in await db.NormativeDocuments.Where(n => n.AgencyId == item.AgencyId && n.Title == item.Title).ToListAsync(ct).ConfigureAwait(false))
        {
            record.Title = title;
        }
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
