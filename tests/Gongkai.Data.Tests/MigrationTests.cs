using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Tests;

public class MigrationTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public void MigratedSchema_MatchesTheModel(string provider)
    {
        using var test = new TestDatabase(provider);
        using var db = test.Open();
        var actual = Columns(db, provider);
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName()!;
            Assert.True(actual.ContainsKey(table), $"table {table} is missing after migration");
            var expected = entity.GetProperties().Select(p => p.GetColumnName()).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(expected, actual[table].Order(StringComparer.Ordinal).ToArray());
        }

        var modelTables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).ToHashSet();
        // Beyond the model: the migration history and, on SQLite, the FTS5 bigram index over publications with its shadow tables.
        var extra = actual.Keys.Where(t => !modelTables.Contains(t) && !t.StartsWith("publications_grams", StringComparison.Ordinal)).ToArray();
        Assert.Equal([Migrator.HistoryTable], extra);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public void Migrate_IsIdempotent(string provider)
    {
        using var test = new TestDatabase(provider);
        using var db = test.Open();
        Assert.Empty(Migrator.Migrate(db));
    }

    private static Dictionary<string, List<string>> Columns(Gongkai.Data.Model.GongkaiDbContext db, string provider)
    {
        var sql = provider == "sqlite"
            ? "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'"
            : "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'";
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            connection.Open();
        }

        using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var table = reader.GetString(0);
            if (!result.TryGetValue(table, out var list))
            {
                result[table] = list = [];
            }

            list.Add(reader.GetString(1));
        }

        return result;
    }
}
