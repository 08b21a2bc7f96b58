using Gongkai.Core.Calendar;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Gongkai.Data.Audit;
using Gongkai.Data.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Gongkai.Data.Model;

/// <summary>
/// One EF Core model for SQLite (embedded default) and PostgreSQL (production). Provider
/// differences stay in <see cref="OnModelCreating"/> behind <c>Database.IsNpgsql()</c>; dates are
/// <see cref="DateOnly"/> (a calendar day, as the 条例 counts) and instants UTC <see cref="DateTime"/>.
/// Staff accounts are ASP.NET Core Identity's tables in the same database (renamed staff_*), so one
/// migration history covers everything and the web tier keeps no state of its own.
/// </summary>
public sealed class GongkaiDbContext(DbContextOptions<GongkaiDbContext> options, TimeProvider clock, PersonalDataKeys personalData) : IdentityDbContext<StaffUser>(options)
{
    /// <summary>The clock that stamps every <see cref="IStamped"/> row when it is saved (the one injected clock).</summary>
    public TimeProvider Clock { get; } = clock;

    /// <summary>The keys that encrypt applicants' personal data in its columns (see <see cref="PersonalDataKeys"/>).</summary>
    public PersonalDataKeys PersonalData { get; } = personalData;

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        Stamp();
        var audit = AddedAudit();
        if (audit.Count == 0)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        using var own = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        AuditChain.Link(this, audit);
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        own?.Commit();
        return saved;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        Stamp();
        var audit = AddedAudit();
        if (audit.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        await using var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        AuditChain.Link(this, audit);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (own is not null)
        {
            await own.CommitAsync(cancellationToken);
        }

        return saved;
    }

    /// <summary>Audit entries being added: they are chained (<see cref="AuditChain"/>) in the transaction that saves them.</summary>
    private List<AuditRow> AddedAudit() =>
        ChangeTracker.Entries<AuditRow>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();

    private void Stamp()
    {
        var now = Clock.UtcNow();
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

    public DbSet<AuditHeadRow> AuditHead => Set<AuditHeadRow>();

    public DbSet<ReportRenderingRow> ReportRenderings => Set<ReportRenderingRow>();

    public DbSet<AnswerDraftRow> AnswerDrafts => Set<AnswerDraftRow>();

    public DbSet<OutboxRow> Outbox => Set<OutboxRow>();

    public DbSet<DisclosureSuggestionRow> DisclosureSuggestions => Set<DisclosureSuggestionRow>();

    public DbSet<PublicationRevisionRow> PublicationRevisions => Set<PublicationRevisionRow>();

    public DbSet<JobRunRow> JobRuns => Set<JobRunRow>();

    public DbSet<DeadlineMarkRow> DeadlineMarks => Set<DeadlineMarkRow>();

    public DbSet<ReviewBatchRow> ReviewBatches => Set<ReviewBatchRow>();

    public DbSet<ReviewReportRow> ReviewReports => Set<ReviewReportRow>();

    public DbSet<ReviewProblemRow> ReviewProblems => Set<ReviewProblemRow>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        MapStaff(b);
        b.ApplyConfigurationsFromAssembly(typeof(GongkaiDbContext).Assembly);

        // Personal data is encrypted in its columns; the model (cached per key ring) carries the converter.
        var keys = PersonalData;
        var protect = new ValueConverter<string, string>(v => keys.Protect(v), v => keys.Unprotect(v));
        foreach (var column in new[] { nameof(ApplicationRow.IdNumber), nameof(ApplicationRow.Phone), nameof(ApplicationRow.Email), nameof(ApplicationRow.Address) })
        {
            b.Entity<ApplicationRow>().Property(column).HasConversion(protect);
        }

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
}

/// <summary>One model per context type and personal-data key ring: the ring is part of the model's converters.</summary>
internal sealed class GongkaiModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), (context as GongkaiDbContext)?.PersonalData.Fingerprint, designTime);
}
