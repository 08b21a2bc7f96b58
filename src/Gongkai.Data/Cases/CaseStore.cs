using Gongkai.Core.Calendar;
using Gongkai.Core.Cases;
using Gongkai.Core.Deadlines;
using Gongkai.Core.Identity;
using Gongkai.Core.Statute;
using Gongkai.Core.Vocabulary;
using Gongkai.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Cases;

/// <summary>What is recorded when an application arrives (条例 第二十九条).</summary>
public sealed record NewApplication(
    string TrackingNumber,
    string AgencyId,
    ApplicantType Applicant,
    ReceiptChannel Channel,
    DateOnly ReceivedOn,
    string ApplicantName,
    string Phone,
    string Description,
    string? IdNumber = null,
    string? CreditCode = null,
    string? FormWanted = null,
    string? Email = null,
    string? Address = null,
    IdentityDocumentType IdType = IdentityDocumentType.ResidentCard,
    Honorific Honorific = Honorific.None,
    Gongkai.Core.Notifications.NotifyBy NotifyBy = Gongkai.Core.Notifications.NotifyBy.Email);

/// <summary>
/// Stores applications and their ledgers. Every event is checked by <see cref="CaseLedger"/>
/// before it is written; the event and its audit entry are written in one transaction, so an
/// accepted event is durable when the call returns and a refused one changes nothing.
/// </summary>
public sealed class CaseStore(GongkaiDbContext db, WorkdayCalendar? calendar = null)
{
    private readonly WorkdayCalendar _calendar = calendar ?? WorkdayCalendar.Default;

    public async Task AddAsync(NewApplication application, string actor, CancellationToken ct = default)
    {
        var row = NewRow(application, new CaseLedger(new ApplicationReceived(application.ReceivedOn, application.Channel), _calendar), actor);
        // The same applicant asking the same thing again within a day (a double submission, or a flood):
        // flagged for the clerk, who decides whether it is one request.
        var since = application.ReceivedOn.AddDays(-1);
        row.PossibleDuplicateOf = await db.Applications.AsNoTracking()
            .Where(a => a.ApplicantKey == row.ApplicantKey && a.ReceivedOn >= since && a.AgencyId == application.AgencyId && a.Description == application.Description)
            .OrderBy(a => a.Id).Select(a => a.TrackingNumber).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        db.Applications.Add(row);
        Notifications.OutboxStore.QueueForApplicant(db, row, new ApplicationReceived(application.ReceivedOn, application.Channel), 0);
        db.Audit.Add(AuditRow.Of(actor, "application", application.TrackingNumber, CaseEventCodes.Received, null, new { application.TrackingNumber, application.AgencyId, application.ReceivedOn }));
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }

    /// <summary>How many applications the applicant of <paramref name="application"/> gave on its day (for the per-applicant limit).</summary>
    public Task<int> CountSameDayAsync(NewApplication application, CancellationToken ct = default)
    {
        var key = ApplicantKeyOf(application);
        return db.Applications.CountAsync(a => a.ApplicantKey == key && a.ReceivedOn == application.ReceivedOn, ct);
    }

    /// <summary>The keyed hash of who applied: the identity document, else the credit code, else the phone.</summary>
    public string ApplicantKeyOf(NewApplication application) => db.PersonalData.LookupKey(
        application.IdNumber is { Length: > 0 } id ? $"id:{(int)application.IdType}:{id}"
        : application.CreditCode is { Length: > 0 } code ? $"org:{code}"
        : $"tel:{PhoneNumbers.Canonical(application.Phone)}");

    /// <summary>The stored form of an application and its whole ledger.</summary>
    private ApplicationRow NewRow(NewApplication application, CaseLedger ledger, string actor)
    {
        var row = new ApplicationRow
        {
            TrackingNumber = application.TrackingNumber, AgencyId = application.AgencyId, ApplicantType = (int)application.Applicant,
            Channel = (int)application.Channel, ReceivedOn = application.ReceivedOn, ApplicantName = application.ApplicantName,
            Phone = application.Phone, Description = application.Description, IdNumber = application.IdNumber, CreditCode = application.CreditCode,
            FormWanted = application.FormWanted, Email = application.Email, Address = application.Address,
            IdType = (int)application.IdType, Honorific = (int)application.Honorific, NotifyBy = (int)application.NotifyBy, ApplicantKey = ApplicantKeyOf(application),
        };
        var sequence = 0;
        foreach (var e in ledger.Events)
        {
            row.Events.Add(EventRow(e, sequence++, actor));
            CaseClosure.Apply(row, e);
        }

        return row;
    }

    /// <summary>
    /// Stores whole case histories at once (imports, demo data): each ledger was already checked
    /// when it was built. One transaction: all or nothing.
    /// </summary>
    public async Task ImportAsync(string agencyId, IEnumerable<ApplicationRecord> records, string actor, CancellationToken ct = default)
    {
        foreach (var record in records)
        {
            var application = new NewApplication(record.TrackingNumber, agencyId, record.Applicant, record.Ledger.Receipt.Channel, record.ReceivedOn, "（导入）", "", "（导入）");
            db.Applications.Add(NewRow(application, record.Ledger, actor));
        }

        db.Audit.Add(AuditRow.Of(actor, "application", agencyId, "import", null, null));
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        db.ChangeTracker.Clear();
    }

    /// <summary>Stores checked applications with their ledgers and full details, in one transaction.</summary>
    public async Task ImportApplicationsAsync(IEnumerable<(NewApplication Application, CaseLedger Ledger)> items, string actor, CancellationToken ct = default)
    {
        foreach (var (application, ledger) in items)
        {
            db.Applications.Add(NewRow(application, ledger, actor));
            db.Audit.Add(AuditRow.Of(actor, "application", application.TrackingNumber, "imported", null, new { application.TrackingNumber, application.AgencyId }));
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        db.ChangeTracker.Clear();
    }

    /// <summary>Appends an event, or throws <see cref="LedgerException"/> (nothing written) when it cannot follow.</summary>
    public async Task AppendAsync(string trackingNumber, CaseEvent e, string actor, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        await AppendInTransactionAsync(trackingNumber, e, actor, ct).ConfigureAwait(false);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Checks the event and adds it (with its audit entry) to the context without saving: for a caller
    /// that saves it together with its own rows in its own transaction (e.g. the step that issues an answer).
    /// </summary>
    public async Task AppendInTransactionAsync(string trackingNumber, CaseEvent e, string actor, CancellationToken ct = default)
    {
        var row = await db.Applications.Include(a => a.Events).SingleAsync(a => a.TrackingNumber == trackingNumber, ct).ConfigureAwait(false);
        var ledger = ToLedger(row);
        var before = ledger.Status;
        ledger.Append(e);
        var sequence = row.Events.Count;
        row.Events.Add(EventRow(e, sequence, actor));
        CaseClosure.Apply(row, e);
        Notifications.OutboxStore.QueueForApplicant(db, row, e, sequence);
        db.Audit.Add(AuditRow.Of(actor, "application", trackingNumber, Kind(e), new { status = before.ToString() }, new { status = ledger.Status.ToString(), on = e.On }));
    }

    public async Task<ApplicationRecord?> LoadAsync(string trackingNumber, CancellationToken ct = default)
    {
        var row = await db.Applications.AsNoTracking().Include(a => a.Events).SingleOrDefaultAsync(a => a.TrackingNumber == trackingNumber, ct).ConfigureAwait(false);
        return row is null ? null : new ApplicationRecord(row.TrackingNumber, (ApplicantType)row.ApplicantType, ToLedger(row));
    }

    /// <summary>Rebuilds the ledger from its stored events, replaying each through the same checks.</summary>
    public CaseLedger ToLedger(ApplicationRow row)
    {
        var events = row.Events.OrderBy(e => e.Sequence).Select(ToEvent).ToList();
        var ledger = new CaseLedger((ApplicationReceived)events[0], _calendar);
        foreach (var e in events.Skip(1))
        {
            ledger.Append(e);
        }

        return ledger;
    }

    /// <summary>The stored code of an event's kind (<see cref="Gongkai.Core.Vocabulary.Vocabularies.EventKinds"/>).</summary>
    public static string Kind(CaseEvent e) => e.CodeOf();

    private static CaseEventRow EventRow(CaseEvent e, int sequence, string actor) => new()
    {
        Sequence = sequence,
        Kind = Kind(e),
        On = e.On,
        Outcome = e is Decided d ? (int)d.Outcome : null,
        Party = e switch { ConsultationSent c => (int)c.Party, ApplicationReceived r => (int)r.Channel, _ => null },
        Workdays = e switch { ExtensionApproved x => x.Workdays, CorrectionRequested c => c.Workdays, _ => null },
        ApprovedBy = e is ExtensionApproved y ? y.ApprovedBy : null,
        Note = e switch { Decided { Reasons: { } reasons } => reasons, CorrectionReceived { Content: { } content } => content, CorrectionRequested { Items: { } items } => items, _ => null },
        RecordedBy = actor,
    };

    private static CaseEvent ToEvent(CaseEventRow r) =>
        !Vocabularies.EventKinds.TryParse(r.Kind, out var kind) || r.Kind != Vocabularies.EventKinds.Code(kind)
            ? throw new InvalidDataException($"Unknown event kind '{r.Kind}' in case_events #{r.Id}.")
            : kind switch
            {
                CaseEventKind.Received => new ApplicationReceived(r.On, (ReceiptChannel)(r.Party ?? 0)),
                // Rows from before the 补正期限 was recorded: the letter then always said 15 working days.
                CaseEventKind.CorrectionRequested => new CorrectionRequested(r.On, r.Workdays ?? CaseDeadlines.DefaultCorrectionWorkdays, r.Note),
                CaseEventKind.CorrectionReceived => new CorrectionReceived(r.On, r.Note),
                CaseEventKind.ConsultationSent => new ConsultationSent(r.On, (ConsultationParty)(r.Party ?? 0)),
                CaseEventKind.ConsultationAnswered => new ConsultationAnswered(r.On),
                CaseEventKind.ExtensionApproved => new ExtensionApproved(r.On, r.Workdays ?? 0, r.ApprovedBy ?? ""),
                CaseEventKind.FeeNoticeSent => new FeeNoticeSent(r.On),
                CaseEventKind.FeeNoticeReceived => new FeeNoticeReceived(r.On),
                CaseEventKind.FeePaid => new FeePaid(r.On),
                CaseEventKind.Decided => new Decided(r.On, (Outcome)(r.Outcome ?? 0), r.Note),
                CaseEventKind.Withdrawn => new Withdrawn(r.On),
    };
}
