using Microsoft.AspNetCore.Identity;

namespace Gongkai.Data.Model;

/// <summary>A staff account (ASP.NET Core Identity), scoped to one agency and everything below it.</summary>
public sealed class StaffUser : IdentityUser
{
    public required string AgencyId { get; set; }

    public required string DisplayName { get; set; }

    /// <summary>Set for a new account and after a 管理员 resets the password: the next sign-in must choose a new one.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>A 管理员 disabled the account: it cannot sign in (distinct from a lockout, which unlocking ends).</summary>
    public bool IsDisabled { get; set; }

    /// <summary>Whether this person receives the daily email digest of cases due soon and overdue.</summary>
    public bool EmailReminders { get; set; } = true;
}

/// <summary>An item of the 政府信息公开目录. It is published once <see cref="PublishedOn"/> is set by the chain's last step.</summary>
public sealed class PublicationRow
{
    public long Id { get; set; }

    public required string AgencyId { get; set; }

    /// <summary>索引号, generated when the item is created and never changed.</summary>
    public required string IndexNumber { get; set; }

    public required string Title { get; set; }

    public required string Body { get; set; }

    /// <summary>The item of 条例 第二十条 (1–15).</summary>
    public int Category { get; set; }

    /// <summary>基层政务公开 area, where the item belongs to one.</summary>
    public string? Area { get; set; }

    public string? DocumentNumber { get; set; }

    public string? Subject { get; set; }

    /// <summary>成文日期: when the information was formed (第二十六条 counts 20 working days from it).</summary>
    public DateOnly WrittenOn { get; set; }

    public DateOnly? PublishedOn { get; set; }

    /// <summary>撤回: when an item published by mistake was taken down (it is then no longer published: <see cref="PublishedOn"/> is cleared).</summary>
    public DateTime? WithdrawnAtUtc { get; set; }

    public string? WithdrawnBy { get; set; }

    public string? WithdrawnReason { get; set; }

    /// <summary>有效性: 有效, 失效 or 废止.</summary>
    public required string Validity { get; set; }

    /// <summary>When the item became 失效 or 废止 (null while 有效).</summary>
    public DateOnly? ValidityChangedOn { get; set; }

    /// <summary>废止: the 文号 of the document that repealed it, and where that document is published.</summary>
    public string? RepealedByNumber { get; set; }

    public string? RepealedByUrl { get; set; }

    /// <summary>The day the last revision (修订) was published; null if never revised.</summary>
    public DateOnly? RevisedOn { get; set; }

    public List<PublicationStepRow> Steps { get; set; } = [];

    public List<AttachmentRow> Attachments { get; set; } = [];
}

/// <summary>One step of a publication's review chain, appended and never changed.</summary>
public sealed class PublicationStepRow : IStamped
{
    public long Id { get; set; }

    public long PublicationId { get; set; }

    public int Step { get; set; }

    public required string ActorId { get; set; }

    public required string ActorName { get; set; }

    public DateTime AtUtc { get; set; }

    void IStamped.Stamp(DateTime utcNow, bool added) => AtUtc = added ? utcNow : AtUtc;
}

public sealed class AttachmentRow
{
    public long Id { get; set; }

    public long PublicationId { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public required byte[] Content { get; set; }
}

/// <summary>The clerk's edited narrative of a year's report (sections 一, 五, 六), kept until the year is locked.</summary>
public sealed class ReportDraftRow
{
    public required string AgencyId { get; set; }

    public int Year { get; set; }

    public string? Overview { get; set; }

    public string? Problems { get; set; }

    public string? Other { get; set; }

    public required string UpdatedBy { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>Who did the 审核 of the narrative as saved; cleared when the narrative changes and when a version is locked.</summary>
    public string? ReviewedBy { get; set; }

    public DateTime? ReviewedAtUtc { get; set; }
}

/// <summary>An ASP.NET Core data-protection key (cookies, antiforgery tokens) kept in the database so any web node can read them.</summary>
public sealed class DataProtectionKeyRow
{
    public long Id { get; set; }

    public string? FriendlyName { get; set; }

    public required string Xml { get; set; }
}

/// <summary>
/// A submission already turned into a case: an <c>Idempotency-Key</c> of the API or the one-time token
/// of the /apply form. Stored in the same transaction as the application, so a retried or refreshed
/// submission finds its first case instead of creating a second one.
/// </summary>
public sealed class SubmissionKeyRow : IStamped
{
    public required string Key { get; set; }

    public required string TrackingNumber { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    void IStamped.Stamp(DateTime utcNow, bool added) => CreatedAtUtc = added ? utcNow : CreatedAtUtc;
}

/// <summary>
/// An answer (答复) written by a 经办人 and going through its agency's review chain
/// (<see cref="Gongkai.Core.Cases.AnswerReview"/>). When the last step is done the 答复 is recorded in the
/// case's ledger and <see cref="IssuedAtUtc"/> set; the row stays as the record of who reviewed and signed.
/// A returned (退回) draft is deleted, with an audit entry saying why.
/// </summary>
public sealed class AnswerDraftRow : IStamped
{
    public required string TrackingNumber { get; set; }

    public int Outcome { get; set; }

    public string? Reasons { get; set; }

    public required string DraftedById { get; set; }

    public required string DraftedBy { get; set; }

    public DateTime DraftedAtUtc { get; set; }

    public string? ReviewedById { get; set; }

    public string? ReviewedBy { get; set; }

    public DateTime? ReviewedAtUtc { get; set; }

    public string? SignedById { get; set; }

    public string? SignedBy { get; set; }

    public DateTime? SignedAtUtc { get; set; }

    public DateTime? IssuedAtUtc { get; set; }

    void IStamped.Stamp(DateTime utcNow, bool added) => DraftedAtUtc = added ? utcNow : DraftedAtUtc;
}

/// <summary>
/// A message to send (outbox pattern): written in the transaction of the event that causes it, delivered
/// by a background sender with retries. <see cref="Key"/> is unique, so an event never queues a message twice;
/// a sender claims a row (<see cref="ClaimedUntilUtc"/>) before sending, so two nodes never send it twice.
/// Messages to an applicant hold no contact details: the sender reads them from the (encrypted) application.
/// </summary>
public sealed class OutboxRow : IStamped
{
    public long Id { get; set; }

    public required string Key { get; set; }

    /// <summary>A <see cref="Gongkai.Core.Notifications.MessageKind"/>.</summary>
    public int Kind { get; set; }

    /// <summary>A <see cref="Gongkai.Core.Notifications.MessageChannel"/>.</summary>
    public int Channel { get; set; }

    /// <summary>The case, for a message to its applicant.</summary>
    public string? TrackingNumber { get; set; }

    /// <summary>The ledger step (its sequence) the message reports, whose letter is attached where one exists.</summary>
    public int? EventSequence { get; set; }

    /// <summary>The staff member, for a reminder.</summary>
    public string? StaffUserId { get; set; }

    /// <summary>As sent (or, for a reminder, as composed when queued).</summary>
    public string? Subject { get; set; }

    public string? Body { get; set; }

    /// <summary>An <see cref="OutboxStatus"/>.</summary>
    public int Status { get; set; }

    public int Attempts { get; set; }

    public DateTime NextAttemptAtUtc { get; set; }

    public DateTime? ClaimedUntilUtc { get; set; }

    public string? LastError { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? SentAtUtc { get; set; }

    void IStamped.Stamp(DateTime utcNow, bool added)
    {
        if (added)
        {
            CreatedAtUtc = utcNow;
            NextAttemptAtUtc = NextAttemptAtUtc == default ? utcNow : NextAttemptAtUtc;
        }
    }
}

/// <summary>Where an outbox message stands.</summary>
public enum OutboxStatus
{
    Pending = 0,
    Sent = 1,
    Failed = 2,

    /// <summary>Its channel is not configured here (no SMTP host): kept, visible, not sent.</summary>
    Skipped = 3,
}

/// <summary>A decision on a 第四十四条 suggestion (a group of alike applications): accepted — a draft was started — or dismissed with a reason.</summary>
public sealed class DisclosureSuggestionRow : IStamped
{
    public long Id { get; set; }

    public required string AgencyId { get; set; }

    /// <summary>The group's earliest tracking number (<see cref="Gongkai.Core.Publishing.SimilarGroup.Key"/>).</summary>
    public required string GroupKey { get; set; }

    /// <summary>The applications of the group when decided, comma-separated.</summary>
    public required string TrackingNumbers { get; set; }

    public bool Accepted { get; set; }

    public string? Reason { get; set; }

    /// <summary>The draft started from an accepted suggestion.</summary>
    public long? PublicationId { get; set; }

    public required string DecidedBy { get; set; }

    public DateTime DecidedAtUtc { get; set; }

    void IStamped.Stamp(DateTime utcNow, bool added) => DecidedAtUtc = added ? utcNow : DecidedAtUtc;
}

/// <summary>
/// A revision (修订) of a published item. The new content goes through the same review chain as a new item
/// (<see cref="Gongkai.Core.Publishing.PublicationReview"/>); when its last step is done it replaces the item's
/// content (the 索引号 stays) and the content it replaced is kept here, so every earlier version stays in the history.
/// </summary>
public sealed class PublicationRevisionRow : IStamped
{
    public long Id { get; set; }

    public long PublicationId { get; set; }

    /// <summary>1 for the first revision of the item, and so on.</summary>
    public int Number { get; set; }

    public required string Title { get; set; }

    public required string Body { get; set; }

    public string? DocumentNumber { get; set; }

    public string? Subject { get; set; }

    /// <summary>Why the item is revised (修订说明), shown with the revision dates.</summary>
    public required string Reason { get; set; }

    public DateTime DraftedAtUtc { get; set; }

    /// <summary>Set when the revision's chain is complete and it became the item's content.</summary>
    public DateOnly? PublishedOn { get; set; }

    /// <summary>The version this revision replaced (null until published).</summary>
    public string? ReplacedTitle { get; set; }

    public string? ReplacedBody { get; set; }

    public string? ReplacedDocumentNumber { get; set; }

    public string? ReplacedSubject { get; set; }

    public List<PublicationRevisionStepRow> Steps { get; set; } = [];

    void IStamped.Stamp(DateTime utcNow, bool added) => DraftedAtUtc = added ? utcNow : DraftedAtUtc;
}

/// <summary>One step of a revision's review chain, appended and never changed.</summary>
public sealed class PublicationRevisionStepRow : IStamped
{
    public long Id { get; set; }

    public long RevisionId { get; set; }

    public int Step { get; set; }

    public required string ActorId { get; set; }

    public required string ActorName { get; set; }

    public DateTime AtUtc { get; set; }

    void IStamped.Stamp(DateTime utcNow, bool added) => AtUtc = added ? utcNow : AtUtc;
}

/// <summary>
/// One execution of a scheduled job (the deadline scan, the staff reminder, the 年报 reminder). With several nodes the
/// clustered scheduler fires each trigger on one node; the unique (job, fire time) makes a double run impossible to
/// miss, and the page of runs shows which node did what.
/// </summary>
public sealed class JobRunRow
{
    public long Id { get; set; }

    public required string Job { get; set; }

    /// <summary>The trigger's scheduled fire time (UTC): the same on every node for one firing.</summary>
    public DateTime FireTimeUtc { get; set; }

    /// <summary>China's date of the firing.</summary>
    public DateOnly Day { get; set; }

    /// <summary>The scheduler instance that ran it.</summary>
    public required string Node { get; set; }

    public DateTime StartedAtUtc { get; set; }

    public DateTime? FinishedAtUtc { get; set; }

    /// <summary>What it did, in zh-CN (e.g. 「新进入即将到期 3 件，新超期 1 件」), or the error.</summary>
    public string? Summary { get; set; }
}

/// <summary>
/// A case seen entering a deadline state by the daily scan: 「3 个工作日内到期」 (<c>due-soon</c>) or 「已超期」 (<c>overdue</c>),
/// once per case, state and answer due date (an extension gives a case a new due date, and so a new mark).
/// </summary>
public sealed class DeadlineMarkRow
{
    public long Id { get; set; }

    public required string TrackingNumber { get; set; }

    public required string AgencyId { get; set; }

    public required string State { get; set; }

    public DateOnly DueOn { get; set; }

    public DateOnly MarkedOn { get; set; }
}

/// <summary>A 年报审查 batch of the 政务公开办: a name, the year under review, the government it belongs to.</summary>
public sealed class ReviewBatchRow : IStamped
{
    public long Id { get; set; }

    public required string Name { get; set; }

    public int Year { get; set; }

    /// <summary>The government whose 政务公开办 reviews (its staff are the reviewers; its subordinates are reviewed).</summary>
    public required string AgencyId { get; set; }

    public required string CreatedBy { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    void IStamped.Stamp(DateTime utcNow, bool added) => CreatedAtUtc = added ? utcNow : CreatedAtUtc;
}

/// <summary>
/// A report in a review batch: an uploaded file kept as evidence (its bytes and SHA-256) or a report locked on the
/// platform, the data read from it (<c>gongkai.annual-report/1</c>), and its diagnostics, recomputed whenever the
/// batch changes (the previous year's report of the same agency may arrive later).
/// </summary>
public sealed class ReviewReportRow : IStamped
{
    public long Id { get; set; }

    public long BatchId { get; set; }

    /// <summary>The agency it was matched to (by name, or corrected by hand); null while unmatched.</summary>
    public string? AgencyId { get; set; }

    /// <summary>The agency as the report names itself.</summary>
    public string? AgencyName { get; set; }

    public int? Year { get; set; }

    public string? Edition { get; set; }

    /// <summary>How it was read: pdf, docx, html, text, json — or platform.</summary>
    public required string Form { get; set; }

    public required string FileName { get; set; }

    public string? Sha256 { get; set; }

    public byte[]? Content { get; set; }

    /// <summary>The report as data, or null when the file could not be read as a report.</summary>
    public string? Json { get; set; }

    /// <summary>The reader's own findings (JSON array, DESIGN §5).</summary>
    public required string ReaderDiagnostics { get; set; }

    /// <summary>The reader's context for the checker: <c>{"unreadable":{path:text},"lines":{path:n}}</c>.</summary>
    public string? Context { get; set; }

    /// <summary>Every diagnostic (reader's and checker's, cross-year included), JSON array, as last computed.</summary>
    public required string Diagnostics { get; set; }

    public int Errors { get; set; }

    public int Warnings { get; set; }

    public DateOnly? PublishedOn { get; set; }

    /// <summary>The report this one corrects (a 更正版 uploaded in answer to a problem).</summary>
    public long? Corrects { get; set; }

    public required string AddedBy { get; set; }

    public DateTime AddedAtUtc { get; set; }

    void IStamped.Stamp(DateTime utcNow, bool added) => AddedAtUtc = added ? utcNow : AddedAtUtc;
}

/// <summary>A problem of a batch's 问题清单 and its 整改, step by step (<see cref="Gongkai.Core.Reports.Review.ReviewProblems"/>).</summary>
public sealed class ReviewProblemRow : IStamped
{
    public long Id { get; set; }

    public long BatchId { get; set; }

    public long ReportId { get; set; }

    public required string AgencyId { get; set; }

    /// <summary>The diagnostic's code, or <c>finding</c> for a reviewer's own.</summary>
    public required string Code { get; set; }

    public int Severity { get; set; }

    /// <summary>The cell or passage it concerns (zh-CN, as the diagnostic's location reads).</summary>
    public string? Location { get; set; }

    public required string Message { get; set; }

    public int State { get; set; }

    public int? AnswerKind { get; set; }

    public string? Answer { get; set; }

    public long? CorrectedReportId { get; set; }

    public string? ReturnReason { get; set; }

    public required string CreatedBy { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public string? AnsweredBy { get; set; }

    public DateTime? AnsweredAtUtc { get; set; }

    public string? ClosedBy { get; set; }

    public DateTime? ClosedAtUtc { get; set; }

    void IStamped.Stamp(DateTime utcNow, bool added) => CreatedAtUtc = added ? utcNow : CreatedAtUtc;
}
