using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Model;

/// <summary>
/// One EF Core model for SQLite (embedded default) and PostgreSQL (production). Provider
/// differences stay in <see cref="OnModelCreating"/> behind <c>Database.IsNpgsql()</c>; dates are
/// <see cref="DateOnly"/> (a calendar day, as the 条例 counts) and instants UTC <see cref="DateTime"/>.
/// Staff accounts are ASP.NET Core Identity's tables in the same database (renamed staff_*), so one
/// migration history covers everything and the web tier keeps no state of its own.
/// </summary>
public sealed class GongkaiDbContext(DbContextOptions<GongkaiDbContext> options, TimeProvider clock) : IdentityDbContext<StaffUser>(options)
{
    /// <summary>The clock that stamps every <see cref="IStamped"/> row when it is saved (the one injected clock).</summary>
    public TimeProvider Clock { get; } = clock;

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        Stamp();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        Stamp();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void Stamp()
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        foreach (var entry in ChangeTracker.Entries<IStamped>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                entry.Entity.Stamp(now, entry.State == EntityState.Added);
            }
        }
    }

    /// <summary>PostgreSQL only: the stored tsvector of an item's bigrams (see Publishing/PublicationSearch).</summary>
    public const string SearchVectorColumn = "SearchVector";

    public DbSet<AgencyRow> Agencies => Set<AgencyRow>();

    public DbSet<ApplicationRow> Applications => Set<ApplicationRow>();

    public DbSet<CaseEventRow> CaseEvents => Set<CaseEventRow>();

    public DbSet<AppealRow> Appeals => Set<AppealRow>();

    public DbSet<NormativeRow> NormativeDocuments => Set<NormativeRow>();

    public DbSet<ProactiveYearRow> ProactiveYears => Set<ProactiveYearRow>();

    public DbSet<AuditRow> Audit => Set<AuditRow>();

    public DbSet<ReportLockRow> ReportLocks => Set<ReportLockRow>();

    public DbSet<ReportDraftRow> ReportDrafts => Set<ReportDraftRow>();

    public DbSet<PublicationRow> Publications => Set<PublicationRow>();

    public DbSet<PublicationStepRow> PublicationSteps => Set<PublicationStepRow>();

    public DbSet<AttachmentRow> Attachments => Set<AttachmentRow>();

    public DbSet<DataProtectionKeyRow> DataProtectionKeys => Set<DataProtectionKeyRow>();

    public DbSet<SubmissionKeyRow> SubmissionKeys => Set<SubmissionKeyRow>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        MapStaff(b);
        MapPublications(b);
        b.Entity<AgencyRow>(e =>
        {
            e.ToTable("agencies");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(40);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.ParentId).HasMaxLength(40);
            e.Property(x => x.CreditCode).HasMaxLength(18);
            e.HasIndex(x => x.ParentId);
        });
        b.Entity<ApplicationRow>(e =>
        {
            e.ToTable("applications");
            e.HasKey(x => x.Id);
            e.Property(x => x.TrackingNumber).HasMaxLength(40);
            e.HasIndex(x => x.TrackingNumber).IsUnique();
            e.Property(x => x.AgencyId).HasMaxLength(40);
            e.HasIndex(x => new { x.AgencyId, x.ReceivedOn, x.ApplicantType }).HasDatabaseName("IX_applications_report");
            e.Property(x => x.ApplicantName).HasMaxLength(200);
            e.Property(x => x.IdNumber).HasMaxLength(18);
            e.Property(x => x.CreditCode).HasMaxLength(18);
            e.Property(x => x.Phone).HasMaxLength(40);
            e.Property(x => x.Email).HasMaxLength(200);
            e.Property(x => x.Address).HasMaxLength(400);
            e.Property(x => x.Description).HasMaxLength(4000);
            e.Property(x => x.FormWanted).HasMaxLength(400);
            e.HasMany(x => x.Events).WithOne().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<CaseEventRow>(e =>
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
                .HasFilter("\"Kind\" IN ('decided', 'withdrawn')");
        });
        b.Entity<AppealRow>(e =>
        {
            e.ToTable("appeals");
            e.HasKey(x => x.Id);
            e.Property(x => x.AgencyId).HasMaxLength(40);
            e.Property(x => x.ApplicationTrackingNumber).HasMaxLength(40);
            e.HasIndex(x => new { x.AgencyId, x.FiledOn });
        });
        b.Entity<NormativeRow>(e =>
        {
            e.ToTable("normative_documents");
            e.HasKey(x => x.Id);
            e.Property(x => x.AgencyId).HasMaxLength(40);
            e.Property(x => x.Title).HasMaxLength(400);
            e.HasIndex(x => x.AgencyId);
        });
        b.Entity<ProactiveYearRow>(e =>
        {
            e.ToTable("proactive_years");
            e.HasKey(x => new { x.AgencyId, x.Year });
            e.Property(x => x.AgencyId).HasMaxLength(40);
            e.Property(x => x.FeesAmount).HasPrecision(18, 4);
            e.Property(x => x.ProcurementAmount).HasPrecision(18, 4);
        });
        b.Entity<AuditRow>(e =>
        {
            e.ToTable("audit_log");
            e.HasKey(x => x.Id);
            e.Property(x => x.Actor).HasMaxLength(100);
            e.Property(x => x.Entity).HasMaxLength(60);
            e.Property(x => x.EntityKey).HasMaxLength(100);
            e.Property(x => x.Action).HasMaxLength(60);
        });

        b.Entity<ReportLockRow>(e =>
        {
            e.ToTable("report_locks");
            e.HasKey(x => new { x.AgencyId, x.Year, x.Version });
            e.Property(x => x.AgencyId).HasMaxLength(40);
            e.Property(x => x.LockedBy).HasMaxLength(100);
        });

        b.Entity<ReportDraftRow>(e =>
        {
            e.ToTable("report_drafts");
            e.HasKey(x => new { x.AgencyId, x.Year });
            e.Property(x => x.AgencyId).HasMaxLength(40);
            e.Property(x => x.UpdatedBy).HasMaxLength(100);
            e.Property(x => x.ReviewedBy).HasMaxLength(100);
        });
        b.Entity<SubmissionKeyRow>(e =>
        {
            e.ToTable("submission_keys");
            e.HasKey(x => x.Key);
            e.Property(x => x.Key).HasMaxLength(120);
            e.Property(x => x.TrackingNumber).HasMaxLength(40);
        });
        b.Entity<DataProtectionKeyRow>(e =>
        {
            e.ToTable("data_protection_keys");
            e.HasKey(x => x.Id);
            e.Property(x => x.FriendlyName).HasMaxLength(200);
        });

        if (Database.IsNpgsql())
        {
            // The search words of an item (gk_bigrams, migration 0005), computed and stored by PostgreSQL.
            b.Entity<PublicationRow>().Property<NpgsqlTypes.NpgsqlTsVector>(SearchVectorColumn)
                .HasColumnType("tsvector")
                .HasComputedColumnSql("to_tsvector('simple'::regconfig, gk_bigrams(\"Title\" || ' ' || \"Body\"))", stored: true);

            // PostgreSQL stores the audit values as jsonb, so they can be queried.
            b.Entity<AuditRow>().Property(x => x.Before).HasColumnType("jsonb");
            b.Entity<AuditRow>().Property(x => x.After).HasColumnType("jsonb");
        }
    }

    private static void MapStaff(ModelBuilder b)
    {
        b.Entity<StaffUser>(e =>
        {
            e.ToTable("staff_users");
            e.Property(x => x.AgencyId).HasMaxLength(40);
            e.Property(x => x.DisplayName).HasMaxLength(100);
            e.HasIndex(x => x.AgencyId);
        });
        b.Entity<IdentityRole>().ToTable("staff_roles");
        b.Entity<IdentityUserRole<string>>().ToTable("staff_user_roles");
        b.Entity<IdentityUserClaim<string>>().ToTable("staff_user_claims");
        b.Entity<IdentityUserLogin<string>>().ToTable("staff_user_logins");
        b.Entity<IdentityUserToken<string>>().ToTable("staff_user_tokens");
        b.Entity<IdentityRoleClaim<string>>().ToTable("staff_role_claims");
    }

    private static void MapPublications(ModelBuilder b)
    {
        b.Entity<PublicationRow>(e =>
        {
            e.ToTable("publications");
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
            e.HasIndex(x => new { x.PublishedOn, x.Category });
            e.HasIndex(x => new { x.AgencyId, x.WrittenOn });
            e.HasMany(x => x.Steps).WithOne().HasForeignKey(x => x.PublicationId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Attachments).WithOne().HasForeignKey(x => x.PublicationId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<PublicationStepRow>(e =>
        {
            e.ToTable("publication_steps");
            e.HasKey(x => x.Id);
            e.Property(x => x.ActorId).HasMaxLength(450);
            e.Property(x => x.ActorName).HasMaxLength(100);
            e.HasIndex(x => new { x.PublicationId, x.Step }).IsUnique();
        });
        b.Entity<AttachmentRow>(e =>
        {
            e.ToTable("publication_attachments");
            e.HasKey(x => x.Id);
            e.Property(x => x.FileName).HasMaxLength(200);
            e.Property(x => x.ContentType).HasMaxLength(100);
            e.HasIndex(x => x.PublicationId);
        });
    }
}
