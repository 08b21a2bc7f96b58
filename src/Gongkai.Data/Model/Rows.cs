using System.Text.Json;

namespace Gongkai.Data.Model;

/// <summary>An agency of the hierarchy (区政府 → 部门, 街道办事处).</summary>
public sealed class AgencyRow
{
    public required string Id { get; set; }

    public required string Name { get; set; }

    public string? ParentId { get; set; }

    public string? CreditCode { get; set; }

    public string? Address { get; set; }

    public string? OfficeHours { get; set; }

    public string? Phone { get; set; }

    public string? Fax { get; set; }

    public string? OnlineChannel { get; set; }

    /// <summary>行政复议机关 named in this agency's letters; when empty, the agency above it (行政复议法 2023 第二十四条: 本级人民政府 for its departments and 派出机关).</summary>
    public string? ReconsiderationBody { get; set; }

    /// <summary>The court with jurisdiction over this agency's decisions; when empty, the nearest agency above that names one.</summary>
    public string? Court { get; set; }

    /// <summary>The <see cref="Gongkai.Core.Cases.AnswerReviewPolicy"/> of this agency's answers.</summary>
    public int AnswerReview { get; set; }

    /// <summary>受理机构: the office that handles applications (e.g. 「办公室（政务公开科）」), as the 指南 names it.</summary>
    public string? AcceptingOffice { get; set; }

    public string? Email { get; set; }

    public string? PostalCode { get; set; }

    /// <summary>The agency's website (http or https URL).</summary>
    public string? Website { get; set; }

    /// <summary>The channels of 第三十一条 it accepts applications by, as codes of <see cref="Gongkai.Core.Vocabulary.Vocabularies.Channels"/> separated by commas; null: all.</summary>
    public string? Channels { get; set; }
}

/// <summary>An application's facts as received. Its state lives in its events.</summary>
public sealed class ApplicationRow
{
    public long Id { get; set; }

    public required string TrackingNumber { get; set; }

    public required string AgencyId { get; set; }

    public int ApplicantType { get; set; }

    public int Channel { get; set; }

    public DateOnly ReceivedOn { get; set; }

    public required string ApplicantName { get; set; }

    /// <summary>The kind of 身份证明 (<see cref="Gongkai.Core.Identity.IdentityDocumentType"/>); 0 = 居民身份证.</summary>
    public int IdType { get; set; }

    /// <summary>The <see cref="Gongkai.Core.Identity.Honorific"/> letters use (0: none).</summary>
    public int Honorific { get; set; }

    /// <summary>How the applicant wants to be told of the case's steps: <see cref="Gongkai.Core.Notifications.NotifyBy"/> flags.</summary>
    public int NotifyBy { get; set; }

    /// <summary>The document's number, encrypted in its column (see <see cref="Privacy.PersonalDataKeys"/>).</summary>
    public string? IdNumber { get; set; }

    public string? CreditCode { get; set; }

    public required string Phone { get; set; }

    public string? Email { get; set; }

    public string? Address { get; set; }

    public required string Description { get; set; }

    public string? FormWanted { get; set; }

    /// <summary>A keyed hash of the applicant's identity (document, else credit code, else phone): finds the same applicant without storing who it is.</summary>
    public string? ApplicantKey { get; set; }

    /// <summary>The tracking number of an earlier application of the same applicant with the same request text within 24 hours (flagged for the clerk).</summary>
    public string? PossibleDuplicateOf { get; set; }

    /// <summary>
    /// The closure projection (<see cref="Cases.CaseClosure"/>): the day the case was decided or withdrawn, written in the same
    /// transaction as that event, so the annual report groups applications without joining their events.
    /// <c>gongkai db verify</c> recomputes it from the events and reports any drift.
    /// </summary>
    public DateOnly? ClosedOn { get; set; }

    /// <summary>How it closed: the outcome + 1 when decided, <see cref="Cases.CaseClosure.Withdrawn"/> when withdrawn; null while open.</summary>
    public int? ClosedState { get; set; }

    public List<CaseEventRow> Events { get; set; } = [];
}

/// <summary>One ledger event (append-only). Kind-specific fields are null where they do not apply.</summary>
public sealed class CaseEventRow : IStamped
{
    public long Id { get; set; }

    public long ApplicationId { get; set; }

    public int Sequence { get; set; }

    public required string Kind { get; set; }

    public DateOnly On { get; set; }

    public int? Outcome { get; set; }

    public int? Party { get; set; }

    public int? Workdays { get; set; }

    public string? ApprovedBy { get; set; }

    /// <summary>The decision's reasons (for 部分公开, why the withheld parts are withheld), or the applicant's corrected request.</summary>
    public string? Note { get; set; }

    public required string RecordedBy { get; set; }

    public DateTime RecordedAtUtc { get; set; }

    void IStamped.Stamp(DateTime utcNow, bool added) => RecordedAtUtc = added ? utcNow : RecordedAtUtc;
}

public sealed class AppealRow
{
    public long Id { get; set; }

    public required string AgencyId { get; set; }

    public string? ApplicationTrackingNumber { get; set; }

    public int Kind { get; set; }

    public DateOnly FiledOn { get; set; }

    public int? Result { get; set; }

    public DateOnly? DecidedOn { get; set; }
}

public sealed class NormativeRow
{
    public long Id { get; set; }

    public required string AgencyId { get; set; }

    public required string Title { get; set; }

    public int Kind { get; set; }

    public DateOnly IssuedOn { get; set; }

    public DateOnly? RepealedOn { get; set; }
}

/// <summary>Counts kept in other systems, entered or imported per agency and year.</summary>
public sealed class ProactiveYearRow
{
    public required string AgencyId { get; set; }

    public int Year { get; set; }

    public int Licensing { get; set; }

    public int Penalties { get; set; }

    public int Enforcement { get; set; }

    public decimal FeesAmount { get; set; }

    // The 2019 edition's figures (reports for 2019–2020); null where not recorded.
    public int? LicensingPrevious { get; set; }

    public int? LicensingChange { get; set; }

    public int? OtherServicesPrevious { get; set; }

    public int? OtherServicesChange { get; set; }

    public int? OtherServicesDecisions { get; set; }

    public int? PenaltiesPrevious { get; set; }

    public int? PenaltiesChange { get; set; }

    public int? EnforcementPrevious { get; set; }

    public int? EnforcementChange { get; set; }

    public int? FeesPrevious { get; set; }

    public int? FeesChange { get; set; }

    public int? ProcurementProjects { get; set; }

    public decimal? ProcurementAmount { get; set; }
}

/// <summary>Append-only audit trail: who changed what, when, with the values before and after.</summary>
public sealed class AuditRow : IStamped
{
    public long Id { get; set; }

    public DateTime AtUtc { get; set; }

    // Whole microseconds: what PostgreSQL keeps, so the chained hash reads back the same.
    void IStamped.Stamp(DateTime utcNow, bool added) => AtUtc = added ? utcNow.AddTicks(-(utcNow.Ticks % 10)) : AtUtc;

    public required string Actor { get; set; }

    public required string Entity { get; set; }

    public required string EntityKey { get; set; }

    public required string Action { get; set; }

    public string? Before { get; set; }

    public string? After { get; set; }

    /// <summary>Position in the hash chain (1, 2, …), assigned when saved; null only before the chain was sealed.</summary>
    public long? Seq { get; set; }

    /// <summary>The previous entry's <see cref="Hash"/> (empty for the first).</summary>
    public string? PrevHash { get; set; }

    /// <summary>SHA-256 over the previous hash and this entry's content (see <see cref="Audit.AuditChain"/>).</summary>
    public string? Hash { get; set; }

    /// <summary>
    /// An entry, stamped with the context's clock when saved. <paramref name="before"/> and <paramref name="after"/> are serialised at
    /// this call, so pass a snapshot (an anonymous copy, or <see cref="JsonSerializer.SerializeToElement{T}(T, JsonSerializerOptions?)"/>)
    /// of anything changed since.
    /// </summary>
    public static AuditRow Of(string actor, string entity, string key, string action, object? before = null, object? after = null) => new()
    {
        Actor = actor,
        Entity = entity,
        EntityKey = key,
        Action = action,
        Before = before is null ? null : JsonSerializer.Serialize(before),
        After = after is null ? null : JsonSerializer.Serialize(after),
    };
}

/// <summary>A published year's report frozen as filed; later record changes show as a restatement.</summary>
public sealed class ReportLockRow : IStamped
{
    public required string AgencyId { get; set; }

    public int Year { get; set; }

    /// <summary>1 for the report as first published; each 更正版 (restatement) is the next number, and every earlier version is kept.</summary>
    public int Version { get; set; } = 1;

    public bool IncludeSubordinates { get; set; }

    public DateTime LockedAtUtc { get; set; }

    void IStamped.Stamp(DateTime utcNow, bool added) => LockedAtUtc = added ? utcNow : LockedAtUtc;

    public required string LockedBy { get; set; }

    /// <summary>The report as locked, in the gongkai.annual-report/1 format.</summary>
    public required string Json { get; set; }
}

/// <summary>The audit chain's head (one row): the last entry's number and hash, updated in the same transaction as the entries.</summary>
public sealed class AuditHeadRow
{
    public int Id { get; set; }

    public long Seq { get; set; }

    public required string Hash { get; set; }
}

/// <summary>A locked report version rendered once (DOCX, PDF, XLSX) and served from here afterwards: a locked version never changes.</summary>
public sealed class ReportRenderingRow : IStamped
{
    public required string AgencyId { get; set; }

    public int Year { get; set; }

    public int Version { get; set; }

    public required string Format { get; set; }

    public required string ContentType { get; set; }

    public required byte[] Content { get; set; }

    public DateTime RenderedAtUtc { get; set; }

    void IStamped.Stamp(DateTime utcNow, bool added) => RenderedAtUtc = added ? utcNow : RenderedAtUtc;
}
