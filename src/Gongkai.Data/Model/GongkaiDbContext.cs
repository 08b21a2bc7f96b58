using Gongkai.Core.Calendar;
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

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        MapStaff(b);
        b.ApplyConfigurationsFromAssembly(typeof(GongkaiDbContext).Assembly);



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
