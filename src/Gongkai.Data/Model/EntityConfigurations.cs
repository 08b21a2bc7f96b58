using Gongkai.Core.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Data.Model;

// One IEntityTypeConfiguration per entity, applied by GongkaiDbContext.OnModelCreating; what differs
// between SQLite and PostgreSQL stays in OnModelCreating behind Database.IsNpgsql().

/// <summary>The <c>AgencyRow</c> mapping.</summary>
internal sealed class AgencyRowConfiguration : IEntityTypeConfiguration<AgencyRow>
{
    public void Configure(EntityTypeBuilder<AgencyRow> e)
    {
        e.ToTable("agencies");
        e.Property(x => x.ReconsiderationBody).HasMaxLength(200);
        e.Property(x => x.Court).HasMaxLength(200);
        e.Property(x => x.AcceptingOffice).HasMaxLength(200);
        e.Property(x => x.Email).HasMaxLength(200);
        e.Property(x => x.PostalCode).HasMaxLength(6);
        e.Property(x => x.Website).HasMaxLength(300);
        e.Property(x => x.Channels).HasMaxLength(200);
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasMaxLength(40);
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.ParentId).HasMaxLength(40);
        e.Property(x => x.CreditCode).HasMaxLength(18);
        e.HasIndex(x => x.ParentId);
    }
}

/// <summary>The <c>ApplicationRow</c> mapping.</summary>
internal sealed class ApplicationRowConfiguration : IEntityTypeConfiguration<ApplicationRow>
{
    public void Configure(EntityTypeBuilder<ApplicationRow> e)
    {
        e.ToTable("applications");
        e.HasKey(x => x.Id);
        e.Property(x => x.TrackingNumber).HasMaxLength(40);
        e.HasIndex(x => x.TrackingNumber).IsUnique();
        e.Property(x => x.AgencyId).HasMaxLength(40);
        e.HasIndex(x => new { x.AgencyId, x.ClosedOn, x.ReceivedOn, x.ClosedState, x.ApplicantType }).HasDatabaseName("IX_applications_report");
        e.Property(x => x.ApplicantName).HasMaxLength(200);
        // Encrypted columns hold pi1:<key>:<base64>, about 4/3 of the UTF-8 bytes plus 40.
        e.Property(x => x.IdNumber).HasMaxLength(200);
        e.Property(x => x.CreditCode).HasMaxLength(18);
        e.Property(x => x.Phone).HasMaxLength(200);
        e.Property(x => x.Email).HasMaxLength(1000);
        e.Property(x => x.Address).HasMaxLength(2000);
        e.Property(x => x.ApplicantKey).HasMaxLength(32);
        e.HasIndex(x => new { x.ApplicantKey, x.ReceivedOn });
        e.Property(x => x.PossibleDuplicateOf).HasMaxLength(40);
        e.Property(x => x.Description).HasMaxLength(4000);
        e.Property(x => x.FormWanted).HasMaxLength(400);
        e.HasMany(x => x.Events).WithOne().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>The <c>CaseEventRow</c> mapping.</summary>
internal sealed class CaseEventRowConfiguration : IEntityTypeConfiguration<CaseEventRow>
{
    public void Configure(EntityTypeBuilder<CaseEventRow> e)
    {
        e.ToTable("case_events");
        e.HasKey(x => x.Id);
        e.Property(x => x.Kind).HasMaxLength(40);
        e.Property(x => x.ApprovedBy).HasMaxLength(100);
        e.Property(x => x.Note).HasMaxLength(4000);
        e.Property(x => x.RecordedBy).HasMaxLength(100);
        e.HasIndex(x => new { x.ApplicationId, x.Sequence }).IsUnique();
        e.HasIndex(x => new { x.Kind, x.On });

        // The report's closure lookup (the decided/withdrawn event of an application): partial, so
        // it holds only closures, and covering, so one probe answers without touching the table.
        e.HasIndex(x => new { x.ApplicationId, x.On, x.Kind, x.Outcome }).HasDatabaseName("IX_case_events_closures")
            .HasFilter($"\"Kind\" IN ('{CaseEventCodes.Decided}', '{CaseEventCodes.Withdrawn}')");
    }
}

/// <summary>The <c>AppealRow</c> mapping.</summary>
internal sealed class AppealRowConfiguration : IEntityTypeConfiguration<AppealRow>
{
    public void Configure(EntityTypeBuilder<AppealRow> e)
    {
        e.ToTable("appeals");
        e.HasKey(x => x.Id);
        e.Property(x => x.AgencyId).HasMaxLength(40);
        e.Property(x => x.ApplicationTrackingNumber).HasMaxLength(40);
        e.HasIndex(x => new { x.AgencyId, x.FiledOn });
    }
}

/// <summary>The <c>NormativeRow</c> mapping.</summary>
internal sealed class NormativeRowConfiguration : IEntityTypeConfiguration<NormativeRow>
{
    public void Configure(EntityTypeBuilder<NormativeRow> e)
    {
        e.ToTable("normative_documents");
        e.HasKey(x => x.Id);
        e.Property(x => x.AgencyId).HasMaxLength(40);
        e.Property(x => x.Title).HasMaxLength(400);
        e.HasIndex(x => x.AgencyId);
    }
}

/// <summary>The <c>ProactiveYearRow</c> mapping.</summary>
internal sealed class ProactiveYearRowConfiguration : IEntityTypeConfiguration<ProactiveYearRow>
{
    public void Configure(EntityTypeBuilder<ProactiveYearRow> e)
    {
        e.ToTable("proactive_years");
        e.HasKey(x => new { x.AgencyId, x.Year });
        e.Property(x => x.AgencyId).HasMaxLength(40);
        e.Property(x => x.FeesAmount).HasPrecision(18, 4);
        e.Property(x => x.ProcurementAmount).HasPrecision(18, 4);
    }
}

/// <summary>The <c>AuditRow</c> mapping.</summary>
internal sealed class AuditRowConfiguration : IEntityTypeConfiguration<AuditRow>
{
    public void Configure(EntityTypeBuilder<AuditRow> e)
    {
        e.ToTable("audit_log");
        e.HasKey(x => x.Id);
        e.Property(x => x.Actor).HasMaxLength(100);
        e.Property(x => x.Entity).HasMaxLength(60);
        e.Property(x => x.EntityKey).HasMaxLength(100);
        e.Property(x => x.Action).HasMaxLength(60);
        e.Property(x => x.PrevHash).HasMaxLength(64);
        e.Property(x => x.Hash).HasMaxLength(64);
        e.HasIndex(x => x.Seq).IsUnique();
    }
}

/// <summary>The <c>AuditHeadRow</c> mapping.</summary>
internal sealed class AuditHeadRowConfiguration : IEntityTypeConfiguration<AuditHeadRow>
{
    public void Configure(EntityTypeBuilder<AuditHeadRow> e)
    {
        e.ToTable("audit_head");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Hash).HasMaxLength(64);
    }
}

/// <summary>The <c>ReportRenderingRow</c> mapping.</summary>
internal sealed class ReportRenderingRowConfiguration : IEntityTypeConfiguration<ReportRenderingRow>
{
    public void Configure(EntityTypeBuilder<ReportRenderingRow> e)
    {
        e.ToTable("report_renderings");
        e.HasKey(x => new { x.AgencyId, x.Year, x.Version, x.Format });
        e.Property(x => x.AgencyId).HasMaxLength(40);
        e.Property(x => x.Format).HasMaxLength(10);
        e.Property(x => x.ContentType).HasMaxLength(120);
    }
}

/// <summary>The <c>ReportLockRow</c> mapping.</summary>
internal sealed class ReportLockRowConfiguration : IEntityTypeConfiguration<ReportLockRow>
{
    public void Configure(EntityTypeBuilder<ReportLockRow> e)
    {
        e.ToTable("report_locks");
        e.HasKey(x => new { x.AgencyId, x.Year, x.Version });
        e.Property(x => x.AgencyId).HasMaxLength(40);
        e.Property(x => x.LockedBy).HasMaxLength(100);
    }
}

/// <summary>The <c>ReportDraftRow</c> mapping.</summary>
internal sealed class ReportDraftRowConfiguration : IEntityTypeConfiguration<ReportDraftRow>
{
    public void Configure(EntityTypeBuilder<ReportDraftRow> e)
    {
        e.ToTable("report_drafts");
        e.HasKey(x => new { x.AgencyId, x.Year });
        e.Property(x => x.AgencyId).HasMaxLength(40);
        e.Property(x => x.UpdatedBy).HasMaxLength(100);
        e.Property(x => x.ReviewedBy).HasMaxLength(100);
    }
}

/// <summary>The <c>SubmissionKeyRow</c> mapping.</summary>
internal sealed class SubmissionKeyRowConfiguration : IEntityTypeConfiguration<SubmissionKeyRow>
{
    public void Configure(EntityTypeBuilder<SubmissionKeyRow> e)
    {
        e.ToTable("submission_keys");
        e.HasKey(x => x.Key);
        e.Property(x => x.Key).HasMaxLength(120);
        e.Property(x => x.TrackingNumber).HasMaxLength(40);
    }
}

/// <summary>The <c>DataProtectionKeyRow</c> mapping.</summary>
internal sealed class DataProtectionKeyRowConfiguration : IEntityTypeConfiguration<DataProtectionKeyRow>
{
    public void Configure(EntityTypeBuilder<DataProtectionKeyRow> e)
    {
        e.ToTable("data_protection_keys");
        e.HasKey(x => x.Id);
        e.Property(x => x.FriendlyName).HasMaxLength(200);
    }
}

/// <summary>The <c>PublicationRow</c> mapping.</summary>
internal sealed class PublicationRowConfiguration : IEntityTypeConfiguration<PublicationRow>
{
    public void Configure(EntityTypeBuilder<PublicationRow> e)
    {
        e.ToTable("publications");
        e.Property(x => x.WithdrawnBy).HasMaxLength(100);
        e.Property(x => x.WithdrawnReason).HasMaxLength(1000);
        e.HasKey(x => x.Id);
        e.Property(x => x.AgencyId).HasMaxLength(40);
        e.Property(x => x.IndexNumber).HasMaxLength(40);
        e.HasIndex(x => x.IndexNumber).IsUnique();
        e.Property(x => x.Title).HasMaxLength(400);
        e.Property(x => x.Body).HasMaxLength(100000);
        e.Property(x => x.Area).HasMaxLength(40);
        e.Property(x => x.DocumentNumber).HasMaxLength(100);
        e.Property(x => x.Subject).HasMaxLength(100);
        e.Property(x => x.Validity).HasMaxLength(10);
        e.Property(x => x.RepealedByNumber).HasMaxLength(100);
        e.Property(x => x.RepealedByUrl).HasMaxLength(300);
        e.HasIndex(x => new { x.PublishedOn, x.Category });
        e.HasIndex(x => new { x.AgencyId, x.WrittenOn });
        e.HasMany(x => x.Steps).WithOne().HasForeignKey(x => x.PublicationId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Attachments).WithOne().HasForeignKey(x => x.PublicationId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>The <c>PublicationStepRow</c> mapping.</summary>
internal sealed class PublicationStepRowConfiguration : IEntityTypeConfiguration<PublicationStepRow>
{
    public void Configure(EntityTypeBuilder<PublicationStepRow> e)
    {
        e.ToTable("publication_steps");
        e.HasKey(x => x.Id);
        e.Property(x => x.ActorId).HasMaxLength(450);
        e.Property(x => x.ActorName).HasMaxLength(100);
        e.HasIndex(x => new { x.PublicationId, x.Step }).IsUnique();
    }
}

/// <summary>The <c>PublicationRevisionRow</c> mapping.</summary>
internal sealed class PublicationRevisionRowConfiguration : IEntityTypeConfiguration<PublicationRevisionRow>
{
    public void Configure(EntityTypeBuilder<PublicationRevisionRow> e)
    {
        e.ToTable("publication_revisions");
        e.HasKey(x => x.Id);
        e.Property(x => x.Title).HasMaxLength(400);
        e.Property(x => x.Body).HasMaxLength(100000);
        e.Property(x => x.DocumentNumber).HasMaxLength(100);
        e.Property(x => x.Subject).HasMaxLength(100);
        e.Property(x => x.Reason).HasMaxLength(1000);
        e.Property(x => x.ReplacedTitle).HasMaxLength(400);
        e.Property(x => x.ReplacedBody).HasMaxLength(100000);
        e.Property(x => x.ReplacedDocumentNumber).HasMaxLength(100);
        e.Property(x => x.ReplacedSubject).HasMaxLength(100);
        e.HasIndex(x => new { x.PublicationId, x.Number }).IsUnique();
        e.HasOne<PublicationRow>().WithMany().HasForeignKey(x => x.PublicationId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Steps).WithOne().HasForeignKey(x => x.RevisionId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>The <c>PublicationRevisionStepRow</c> mapping.</summary>
internal sealed class PublicationRevisionStepRowConfiguration : IEntityTypeConfiguration<PublicationRevisionStepRow>
{
    public void Configure(EntityTypeBuilder<PublicationRevisionStepRow> e)
    {
        e.ToTable("publication_revision_steps");
        e.HasKey(x => x.Id);
        e.Property(x => x.ActorId).HasMaxLength(450);
        e.Property(x => x.ActorName).HasMaxLength(100);
        e.HasIndex(x => new { x.RevisionId, x.Step }).IsUnique();
    }
}

/// <summary>The <c>AttachmentRow</c> mapping.</summary>
internal sealed class AttachmentRowConfiguration : IEntityTypeConfiguration<AttachmentRow>
{
    public void Configure(EntityTypeBuilder<AttachmentRow> e)
    {
        e.ToTable("publication_attachments");
        e.HasKey(x => x.Id);
        e.Property(x => x.FileName).HasMaxLength(200);
        e.Property(x => x.ContentType).HasMaxLength(100);
        e.HasIndex(x => x.PublicationId);
    }
}

/// <summary>The <c>AnswerDraftRow</c> mapping.</summary>
internal sealed class AnswerDraftRowConfiguration : IEntityTypeConfiguration<AnswerDraftRow>
{
    public void Configure(EntityTypeBuilder<AnswerDraftRow> e)
    {
        e.ToTable("answer_drafts");
        e.HasKey(x => x.TrackingNumber);
        e.Property(x => x.TrackingNumber).HasMaxLength(40);
        e.Property(x => x.Reasons).HasMaxLength(4000);
        e.Property(x => x.DraftedById).HasMaxLength(100);
        e.Property(x => x.DraftedBy).HasMaxLength(100);
        e.Property(x => x.ReviewedById).HasMaxLength(100);
        e.Property(x => x.ReviewedBy).HasMaxLength(100);
        e.Property(x => x.SignedById).HasMaxLength(100);
        e.Property(x => x.SignedBy).HasMaxLength(100);
    }
}

/// <summary>The <c>OutboxRow</c> mapping.</summary>
internal sealed class OutboxRowConfiguration : IEntityTypeConfiguration<OutboxRow>
{
    public void Configure(EntityTypeBuilder<OutboxRow> e)
    {
        e.ToTable("outbox");
        e.HasKey(x => x.Id);
        e.Property(x => x.Key).HasMaxLength(200);
        e.HasIndex(x => x.Key).IsUnique();
        e.Property(x => x.TrackingNumber).HasMaxLength(40);
        e.HasIndex(x => x.TrackingNumber);
        e.Property(x => x.StaffUserId).HasMaxLength(100);
        e.Property(x => x.Subject).HasMaxLength(200);
        e.Property(x => x.Body).HasMaxLength(8000);
        e.Property(x => x.LastError).HasMaxLength(1000);
        e.HasIndex(x => new { x.Status, x.NextAttemptAtUtc });
    }
}

/// <summary>The <c>JobRunRow</c> mapping.</summary>
internal sealed class JobRunRowConfiguration : IEntityTypeConfiguration<JobRunRow>
{
    public void Configure(EntityTypeBuilder<JobRunRow> e)
    {
        e.ToTable("job_runs");
        e.HasKey(x => x.Id);
        e.Property(x => x.Job).HasMaxLength(40);
        e.Property(x => x.Node).HasMaxLength(200);
        e.Property(x => x.Summary).HasMaxLength(2000);
        e.HasIndex(x => new { x.Job, x.FireTimeUtc }).IsUnique();
    }
}

/// <summary>The <c>DeadlineMarkRow</c> mapping.</summary>
internal sealed class DeadlineMarkRowConfiguration : IEntityTypeConfiguration<DeadlineMarkRow>
{
    public void Configure(EntityTypeBuilder<DeadlineMarkRow> e)
    {
        e.ToTable("deadline_marks");
        e.HasKey(x => x.Id);
        e.Property(x => x.TrackingNumber).HasMaxLength(40);
        e.Property(x => x.AgencyId).HasMaxLength(40);
        e.Property(x => x.State).HasMaxLength(10);
        e.HasIndex(x => new { x.TrackingNumber, x.State, x.DueOn }).IsUnique();
        e.HasIndex(x => new { x.AgencyId, x.MarkedOn });
    }
}

/// <summary>The <c>ReviewBatchRow</c> mapping.</summary>
internal sealed class ReviewBatchRowConfiguration : IEntityTypeConfiguration<ReviewBatchRow>
{
    public void Configure(EntityTypeBuilder<ReviewBatchRow> e)
    {
        e.ToTable("review_batches");
        e.HasKey(x => x.Id);
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.AgencyId).HasMaxLength(40);
        e.Property(x => x.CreatedBy).HasMaxLength(100);
        e.HasIndex(x => x.AgencyId);
    }
}

/// <summary>The <c>ReviewReportRow</c> mapping.</summary>
internal sealed class ReviewReportRowConfiguration : IEntityTypeConfiguration<ReviewReportRow>
{
    public void Configure(EntityTypeBuilder<ReviewReportRow> e)
    {
        e.ToTable("review_reports");
        e.HasKey(x => x.Id);
        e.Property(x => x.AgencyId).HasMaxLength(40);
        e.Property(x => x.AgencyName).HasMaxLength(200);
        e.Property(x => x.Edition).HasMaxLength(10);
        e.Property(x => x.Form).HasMaxLength(20);
        e.Property(x => x.FileName).HasMaxLength(300);
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.Property(x => x.AddedBy).HasMaxLength(100);
        e.HasOne<ReviewBatchRow>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.BatchId, x.AgencyId, x.Year });
    }
}

/// <summary>The <c>ReviewProblemRow</c> mapping.</summary>
internal sealed class ReviewProblemRowConfiguration : IEntityTypeConfiguration<ReviewProblemRow>
{
    public void Configure(EntityTypeBuilder<ReviewProblemRow> e)
    {
        e.ToTable("review_problems");
        e.HasKey(x => x.Id);
        e.Property(x => x.AgencyId).HasMaxLength(40);
        e.Property(x => x.Code).HasMaxLength(40);
        e.Property(x => x.Location).HasMaxLength(300);
        e.Property(x => x.Message).HasMaxLength(2000);
        e.Property(x => x.Answer).HasMaxLength(2000);
        e.Property(x => x.ReturnReason).HasMaxLength(2000);
        e.Property(x => x.CreatedBy).HasMaxLength(100);
        e.Property(x => x.AnsweredBy).HasMaxLength(100);
        e.Property(x => x.ClosedBy).HasMaxLength(100);
        e.HasOne<ReviewBatchRow>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<ReviewReportRow>().WithMany().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.BatchId, x.State });
        e.HasIndex(x => new { x.AgencyId, x.State });
    }
}

/// <summary>The <c>DisclosureSuggestionRow</c> mapping.</summary>
internal sealed class DisclosureSuggestionRowConfiguration : IEntityTypeConfiguration<DisclosureSuggestionRow>
{
    public void Configure(EntityTypeBuilder<DisclosureSuggestionRow> e)
    {
        e.ToTable("disclosure_suggestions");
        e.HasKey(x => x.Id);
        e.Property(x => x.AgencyId).HasMaxLength(40);
        e.Property(x => x.GroupKey).HasMaxLength(40);
        e.HasIndex(x => new { x.AgencyId, x.GroupKey }).IsUnique();
        e.Property(x => x.TrackingNumbers).HasMaxLength(4000);
        e.Property(x => x.Reason).HasMaxLength(1000);
        e.Property(x => x.DecidedBy).HasMaxLength(100);
    }
}
