using Gongkai.Core.Calendar;
using Gongkai.Core.Cases;
using Gongkai.Core.Statute;
using Gongkai.Data.Model;
using Gongkai.Data.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Cases;

/// <summary>An answer's place in its review chain, as the case page and the API show it.</summary>
/// <param name="Next">The step it waits for; null once issued.</param>
public sealed record AnswerDraftState(AnswerDraft Draft, AnswerReviewPolicy Policy, AnswerStep? Next, DateTime? IssuedAtUtc);

/// <summary>
/// The answer review chain in storage (<see cref="AnswerReview"/> holds the rules). A draft is
/// checked against the ledger when it is written, so a draft that could never be issued (a case
/// waiting for 补正, already answered) is refused at once; the 答复 is appended to the ledger, with
/// today's date, in the transaction of the step that completes the chain.
/// </summary>
public sealed class AnswerDraftStore(GongkaiDbContext db, CaseStore cases)
{
    public async Task<AnswerReviewPolicy> PolicyAsync(string trackingNumber, CancellationToken ct = default) =>
        (AnswerReviewPolicy)await db.Applications.AsNoTracking().Where(a => a.TrackingNumber == trackingNumber)
            .Join(db.Agencies, a => a.AgencyId, g => g.Id, (a, g) => g.AnswerReview).SingleAsync(ct).ConfigureAwait(false);

    /// <summary>Why a 答复 with this outcome may not be recorded directly on the case (it needs the chain), or null.</summary>
    public async Task<string?> DirectRefusalAsync(string trackingNumber, Outcome outcome, CancellationToken ct = default) =>
        AnswerReview.DirectRefusal(await PolicyAsync(trackingNumber, ct).ConfigureAwait(false), outcome);

    /// <summary>
    /// Records a ledger step posted by staff (case page or API): as <see cref="CaseStore.AppendAsync"/>, except that
    /// a 答复 the agency's review chain must see first is refused (<see cref="LedgerException"/>), so it goes
    /// through <see cref="DraftAsync"/> instead.
    /// </summary>
    public async Task RecordStepAsync(string trackingNumber, CaseEvent e, string actor, CancellationToken ct = default)
    {
        if (e is Decided d && await DirectRefusalAsync(trackingNumber, d.Outcome, ct).ConfigureAwait(false) is { } refusal)
        {
            throw new LedgerException(refusal);
        }

        await cases.AppendAsync(trackingNumber, e, actor, ct).ConfigureAwait(false);
    }

    public async Task<AnswerDraftState?> GetAsync(string trackingNumber, CancellationToken ct = default)
    {
        var row = await db.AnswerDrafts.AsNoTracking().SingleOrDefaultAsync(d => d.TrackingNumber == trackingNumber, ct).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        var policy = await PolicyAsync(trackingNumber, ct).ConfigureAwait(false);
        var draft = ToDraft(row);
        return new AnswerDraftState(draft, policy, row.IssuedAtUtc is null ? AnswerReview.Next(policy, draft) : null, row.IssuedAtUtc);
    }

    /// <summary>
    /// Writes (or rewrites, while no step is done) the 经办人's answer. When the agency's policy needs no
    /// step for this outcome the answer is issued at once. Throws <see cref="LedgerException"/> when the
    /// case cannot be answered now, or when a draft under review exists.
    /// </summary>
    public async Task<AnswerDraftState> DraftAsync(string trackingNumber, Outcome outcome, string? reasons, Actor actor, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        await CheckAnswerableAsync(trackingNumber, outcome, reasons, ct).ConfigureAwait(false);
        var row = await db.AnswerDrafts.SingleOrDefaultAsync(d => d.TrackingNumber == trackingNumber, ct).ConfigureAwait(false);
        if (row is { ReviewedById: not null } or { IssuedAtUtc: not null })
        {
            throw new LedgerException("该答复已在审签中，如需修改请由审核人退回");
        }

        if (row is null)
        {
            row = new AnswerDraftRow { TrackingNumber = trackingNumber, DraftedById = actor.Id, DraftedBy = actor.Name };
            db.AnswerDrafts.Add(row);
        }

        (row.Outcome, row.Reasons, row.DraftedById, row.DraftedBy) = ((int)outcome, reasons, actor.Id, actor.Name);
        db.Audit.Add(AuditRow.Of(actor.Name, "application", trackingNumber, "answer-drafted", null, new { outcome = outcome.ToString() }));
        var policy = await PolicyAsync(trackingNumber, ct).ConfigureAwait(false);
        if (AnswerReview.StepsFor(policy, outcome).Count == 0)
        {
            await IssueAsync(row, actor, ct).ConfigureAwait(false);
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return (await GetAsync(trackingNumber, ct).ConfigureAwait(false))!;
    }

    /// <summary>Does the next step (审核 or 签发); the last one issues the answer. Throws <see cref="LedgerException"/> with the refusal.</summary>
    public async Task<AnswerDraftState> StepAsync(string trackingNumber, AnswerStep step, Actor actor, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        var row = await db.AnswerDrafts.SingleOrDefaultAsync(d => d.TrackingNumber == trackingNumber && d.IssuedAtUtc == null, ct).ConfigureAwait(false)
                  ?? throw new LedgerException("该案件没有待审签的答复稿");
        var policy = await PolicyAsync(trackingNumber, ct).ConfigureAwait(false);
        if (AnswerReview.Refusal(policy, ToDraft(row), step, actor.Id, actor.Roles) is { } refusal)
        {
            throw new LedgerException(refusal);
        }

        var now = db.Clock.GetUtcNow().UtcDateTime;
        if (step == AnswerStep.Reviewed)
        {
            (row.ReviewedById, row.ReviewedBy, row.ReviewedAtUtc) = (actor.Id, actor.Name, now);
        }
        else
        {
            (row.SignedById, row.SignedBy, row.SignedAtUtc) = (actor.Id, actor.Name, now);
        }

        db.Audit.Add(AuditRow.Of(actor.Name, "application", trackingNumber, step == AnswerStep.Reviewed ? "answer-reviewed" : "answer-signed"));
        if (AnswerReview.Next(policy, ToDraft(row)) is null)
        {
            await CheckAnswerableAsync(trackingNumber, (Outcome)row.Outcome, row.Reasons, ct).ConfigureAwait(false);
            await IssueAsync(row, actor, ct).ConfigureAwait(false);
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return (await GetAsync(trackingNumber, ct).ConfigureAwait(false))!;
    }

    /// <summary>退回: a 审核人 or 分管领导 sends the draft back with a reason; it is deleted and the 经办人 writes it again.</summary>
    public async Task ReturnAsync(string trackingNumber, string reason, Actor actor, CancellationToken ct = default)
    {
        var row = await db.AnswerDrafts.SingleOrDefaultAsync(d => d.TrackingNumber == trackingNumber && d.IssuedAtUtc == null, ct).ConfigureAwait(false)
                  ?? throw new LedgerException("该案件没有待审签的答复稿");
        if (!actor.Roles.Contains(AnswerReview.RoleFor(AnswerStep.Reviewed)) && !actor.Roles.Contains(AnswerReview.RoleFor(AnswerStep.Signed)))
        {
            throw new LedgerException("退回答复稿须由审核人或分管领导办理");
        }

        db.AnswerDrafts.Remove(row);
        db.Audit.Add(AuditRow.Of(actor.Name, "application", trackingNumber, "answer-returned", new { outcome = ((Outcome)row.Outcome).ToString(), row.DraftedBy }, new { reason }));
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Throws <see cref="LedgerException"/> when the ledger would refuse this 答复 today.</summary>
    private async Task CheckAnswerableAsync(string trackingNumber, Outcome outcome, string? reasons, CancellationToken ct)
    {
        var application = await db.Applications.AsNoTracking().Include(a => a.Events).SingleAsync(a => a.TrackingNumber == trackingNumber, ct).ConfigureAwait(false);
        cases.ToLedger(application).Append(new Decided(db.Clock.TodayInChina(), outcome, reasons));
    }

    /// <summary>Appends the 答复 to the ledger (same transaction) and marks the draft issued.</summary>
    private async Task IssueAsync(AnswerDraftRow row, Actor actor, CancellationToken ct)
    {
        await cases.AppendInTransactionAsync(row.TrackingNumber, new Decided(db.Clock.TodayInChina(), (Outcome)row.Outcome, row.Reasons), actor.Name, ct).ConfigureAwait(false);
        row.IssuedAtUtc = db.Clock.GetUtcNow().UtcDateTime;
    }

    private static AnswerDraft ToDraft(AnswerDraftRow r)
    {
        var done = new List<AnswerStepDone>();
        if (r.ReviewedById is { } reviewer)
        {
            done.Add(new AnswerStepDone(AnswerStep.Reviewed, reviewer, r.ReviewedBy ?? "", r.ReviewedAtUtc ?? default));
        }

        if (r.SignedById is { } signer)
        {
            done.Add(new AnswerStepDone(AnswerStep.Signed, signer, r.SignedBy ?? "", r.SignedAtUtc ?? default));
        }

        return new AnswerDraft((Outcome)r.Outcome, r.Reasons, r.DraftedById, r.DraftedBy, done);
    }
}
