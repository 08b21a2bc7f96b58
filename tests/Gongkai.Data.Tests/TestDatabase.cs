using Gongkai.Data;
using Gongkai.Data.Model;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Gongkai.Data.Tests;

/// <summary>
/// A fresh, migrated database on either provider: a temporary SQLite file, or a new database on
/// the throwaway PostgreSQL server that scripts/test.sh starts (GONGKAI_TEST_POSTGRES).
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public const string PostgresVariable = "GONGKAI_TEST_POSTGRES";

    public static TheoryData<string> Providers => new("sqlite", "postgres");

    private readonly string? _file;
    private readonly string? _database;
    private readonly string? _admin;

    public TestDatabase(string provider)
    {
        if (provider == "sqlite")
        {
            _file = Path.Combine(Path.GetTempPath(), $"gongkai-test-{Guid.NewGuid():N}.db");
            Db = _file;
        }
        else
        {
            _admin = Environment.GetEnvironmentVariable(PostgresVariable)
                ?? throw new InvalidOperationException($"{PostgresVariable} is not set: run the tests with scripts/test.sh, which starts a throwaway PostgreSQL.");
            _database = $"gk_{Guid.NewGuid():N}";
            using (var connection = new NpgsqlConnection(_admin))
            {
                connection.Open();
                using var command = new NpgsqlCommand($"CREATE DATABASE {_database}", connection);
                command.ExecuteNonQuery();
            }

            Db = new NpgsqlConnectionStringBuilder(_admin) { Database = _database }.ConnectionString;
        }

        using var context = Open();
        Migrator.Migrate(context);
    }

    /// <summary>What <c>--db</c> would be.</summary>
    public string Db { get; }

    /// <summary>The clock every context of this database is opened with (a fake one, pinned to <see cref="Gongkai.Testing.TestClock.DefaultDay"/>).</summary>
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock { get; } = Gongkai.Testing.TestClock.Default();

    public GongkaiDbContext Open() => GongkaiDatabase.Open(Db, Clock);

    /// <summary>Opens the database after adding the one agency most tests need (JD-01, 北关区灯塔路街道办事处).</summary>
    public async Task<GongkaiDbContext> OpenWithAgencyAsync()
    {
        var db = Open();
        db.Agencies.Add(new AgencyRow { Id = "JD-01", Name = "北关区灯塔路街道办事处" });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return db;
    }

    public void Dispose()
    {
        if (_file is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" })
            {
                File.Delete(f);
            }
        }
        else
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(_admin);
            connection.Open();
            using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", connection);
            command.ExecuteNonQuery();
        }
    }
}
