using Gongkai.Core.Calendar;
using System.Reflection;
using Gongkai.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data;

/// <summary>
/// Applies the versioned schema scripts of the provider (<c>Migrations/sqlite|postgres/NNNN_name.sql</c>,
/// embedded), each once, in order, recording them in <c>__gongkai_migrations</c>. EF Core's
/// design-time tools are not available here, so a new version is written by hand — start from
/// <c>gongkai db script</c>, which prints the model's full create script — and a test proves the
/// migrated schema matches the model on both providers.
/// </summary>
public static class Migrator
{
    public const string HistoryTable = "__gongkai_migrations";

    public static IReadOnlyList<string> Scripts(DatabaseProvider provider)
    {
        var prefix = $"Gongkai.Data.Migrations.{(provider == DatabaseProvider.Postgres ? "postgres" : "sqlite")}.";
        return Assembly.GetExecutingAssembly().GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>Applies what is missing; returns the names applied now.</summary>
    public static IReadOnlyList<string> Migrate(GongkaiDbContext db)
    {
        var provider = db.Database.IsNpgsql() ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        db.Database.ExecuteSqlRaw($"CREATE TABLE IF NOT EXISTS {HistoryTable} (name VARCHAR(200) PRIMARY KEY, applied_at VARCHAR(40) NOT NULL)");
        var applied = db.Database.SqlQueryRaw<string>($"SELECT name AS \"Value\" FROM {HistoryTable}").ToHashSet(StringComparer.Ordinal);
        var done = new List<string>();
        foreach (var resource in Scripts(provider))
        {
            var name = resource[(resource.LastIndexOf(".sql", StringComparison.Ordinal) is var end and > 0 ? resource.LastIndexOf('.', end - 1) + 1 : 0)..];
            if (applied.Contains(name))
            {
                continue;
            }

            using var reader = new StreamReader(Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)!);
            var sql = reader.ReadToEnd();
            using var transaction = db.Database.BeginTransaction();
            foreach (var statement in sql.Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (statement.Trim(';').Trim().Length > 0)
                {
                    db.Database.ExecuteSqlRaw(statement.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal));
                }
            }

            db.Database.ExecuteSqlRaw($"INSERT INTO {HistoryTable} (name, applied_at) VALUES ({{0}}, {{1}})", name, db.Clock.UtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            transaction.Commit();
            done.Add(name);
        }

        // Work no SQL script can do: chain audit entries written before 0009, encrypt personal data written before it.
        if (done.Count > 0)
        {
            Audit.AuditChain.SealUnchained(db);
            Privacy.PersonalDataRekey.Run(db);
        }

        return done;
    }
}
