using Gongkai.Core.Cases;
using Gongkai.Core.Notifications;
using Gongkai.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Notifications;

/// <summary>
/// The outbox: messages queued with the event that causes them, claimed and delivered by a sender
/// (<c>Web/Notifications/OutboxSender</c>) with exponential backoff, kept with their outcome.
/// </summary>
public sealed class OutboxStore(GongkaiDbContext db)
{
    /// <summary>Attempts before a message is given up as failed (the last retry about 2 hours after the first try).</summary>
    public const int MaxAttempts = 8;

    /// <summary>How long a claim keeps other senders off a message (longer than a send can take).</summary>
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(5);

    /// <summary>The wait before attempt <paramref name="attempts"/> + 1: one minute, doubling, at most six hours.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(360, Math.Pow(2, Math.Max(0, attempts - 1))));

    /// <summary>
    /// Queues (in the caller's unsaved changes, so in its transaction) what a ledger step tells the applicant,
    /// on each channel they chose and can be reached by. Idempotent: the key names the case, the step and the channel.
    /// </summary>
    public static void QueueForApplicant(GongkaiDbContext db, ApplicationRow application, CaseEvent e, int sequence)
    {
        if (Messages.For(e) is not { } kind)
        {
            return;
        }

        var by = (NotifyBy)application.NotifyBy;
        if (by.HasFlag(NotifyBy.Email) && application.Email is { Length: > 0 })
        {
            db.Outbox.Add(Row(application.TrackingNumber, sequence, kind, MessageChannel.Email));
        }

        if (by.HasFlag(NotifyBy.Sms) && PhoneNumbers.IsMobile(application.Phone))
        {
            db.Outbox.Add(Row(application.TrackingNumber, sequence, kind, MessageChannel.Sms));
        }
    }

    private static OutboxRow Row(string trackingNumber, int sequence, MessageKind kind, MessageChannel channel) => new()
    {
        Key = $"case:{trackingNumber}:{sequence}:{channel.ToString().ToLowerInvariant()}",
        Kind = (int)kind, Channel = (int)channel, TrackingNumber = trackingNumber, EventSequence = sequence,
    };

    /// <summary>Queues a staff reminder once per person and day (a second call the same day does nothing); returns whether it queued.</summary>
    public Task<bool> QueueReminderAsync(string staffUserId, DateOnly day, string subject, string body, CancellationToken ct = default) =>
        QueueForStaffAsync(MessageKind.StaffReminder, staffUserId, day, subject, body, ct);

    /// <summary>Queues an email to a member of staff once per kind, person and day; returns whether it queued.</summary>
    public async Task<bool> QueueForStaffAsync(MessageKind kind, string staffUserId, DateOnly day, string subject, string body, CancellationToken ct = default)
    {
        var key = $"{(kind == MessageKind.StaffReminder ? "reminder" : kind.Code())}:{staffUserId}:{day:yyyy-MM-dd}";
        if (await db.Outbox.AnyAsync(o => o.Key == key, ct).ConfigureAwait(false))
        {
            return false;
        }

        db.Outbox.Add(new OutboxRow { Key = key, Kind = (int)kind, Channel = (int)MessageChannel.Email, StaffUserId = staffUserId, Subject = subject, Body = body });
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false; // another node queued it first (unique key)
        }
    }

    /// <summary>Claims up to <paramref name="batch"/> messages due now; each one is this caller's until <see cref="ClaimFor"/> has passed.</summary>
    public async Task<IReadOnlyList<OutboxRow>> ClaimDueAsync(int batch, CancellationToken ct = default)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var candidates = await db.Outbox.AsNoTracking()
            .Where(o => o.Status == (int)OutboxStatus.Pending && o.NextAttemptAtUtc <= now && (o.ClaimedUntilUtc == null || o.ClaimedUntilUtc < now))
            .OrderBy(o => o.Id).Take(batch).ToListAsync(ct).ConfigureAwait(false);
        var claimed = new List<OutboxRow>();
        foreach (var row in candidates)
        {
            var until = now + ClaimFor;
            var won = await db.Outbox.Where(o => o.Id == row.Id && o.Status == (int)OutboxStatus.Pending && (o.ClaimedUntilUtc == null || o.ClaimedUntilUtc < now))
                .ExecuteUpdateAsync(u => u.SetProperty(o => o.ClaimedUntilUtc, until), ct).ConfigureAwait(false);
            if (won == 1)
            {
                row.ClaimedUntilUtc = until;
                claimed.Add(row);
            }
        }

        return claimed;
    }

    public Task SentAsync(long id, string subject, string body, CancellationToken ct = default)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        return db.Outbox.Where(o => o.Id == id).ExecuteUpdateAsync(u => u
            .SetProperty(o => o.Status, (int)OutboxStatus.Sent).SetProperty(o => o.SentAtUtc, now).SetProperty(o => o.Subject, subject)
            .SetProperty(o => o.Body, body).SetProperty(o => o.Attempts, o => o.Attempts + 1).SetProperty(o => o.ClaimedUntilUtc, (DateTime?)null).SetProperty(o => o.LastError, (string?)null), ct);
    }

    /// <summary>A failed attempt: retried after <see cref="Backoff"/>, or failed for good after <see cref="MaxAttempts"/>.</summary>
    public async Task FailedAsync(OutboxRow row, string error, CancellationToken ct = default)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var attempts = row.Attempts + 1;
        var status = attempts >= MaxAttempts ? OutboxStatus.Failed : OutboxStatus.Pending;
        var message = error.Length > 1000 ? error[..1000] : error;
        await db.Outbox.Where(o => o.Id == row.Id).ExecuteUpdateAsync(u => u
            .SetProperty(o => o.Status, (int)status).SetProperty(o => o.Attempts, attempts).SetProperty(o => o.LastError, message)
            .SetProperty(o => o.NextAttemptAtUtc, now + Backoff(attempts)).SetProperty(o => o.ClaimedUntilUtc, (DateTime?)null), ct).ConfigureAwait(false);
    }

    /// <summary>Its channel is not configured: kept as skipped, with the reason.</summary>
    public Task SkippedAsync(long id, string reason, CancellationToken ct = default) =>
        db.Outbox.Where(o => o.Id == id).ExecuteUpdateAsync(u => u
            .SetProperty(o => o.Status, (int)OutboxStatus.Skipped).SetProperty(o => o.LastError, reason).SetProperty(o => o.ClaimedUntilUtc, (DateTime?)null), ct);

    /// <summary>The messages of a case, oldest first.</summary>
    public async Task<IReadOnlyList<OutboxRow>> ForCaseAsync(string trackingNumber, CancellationToken ct = default) =>
        await db.Outbox.AsNoTracking().Where(o => o.TrackingNumber == trackingNumber).OrderBy(o => o.Id).ToListAsync(ct).ConfigureAwait(false);
}
