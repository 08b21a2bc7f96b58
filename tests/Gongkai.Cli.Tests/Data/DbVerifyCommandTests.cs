using Microsoft.Data.Sqlite;

namespace Gongkai.Cli.Tests.Data;

public class DbVerifyCommandTests
{
    private static int Execute(string db, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={db}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var changed = command.ExecuteNonQuery();
        SqliteConnection.ClearAllPools();
        return changed;
    }

    [Fact]
    public void DbVerify_FindsAClosureProjectionThatDriftedFromTheEvents_AndFixRewritesIt()
    {
        using var dir = new TempDir();
        var db = System.IO.Path.Combine(dir.Path, "verify.db");
        Assert.Equal(0, CliRunner.Run("demo", "seed", "--db", db, "--agencies", "2", "--years", "2024-2025", "--applications", "60").ExitCode);
        var consistent = CliRunner.Run("db", "verify", "--db", db);
        Assert.Equal(0, consistent.ExitCode);
        Assert.StartsWith("收结投影一致：共 ", consistent.FirstLine, StringComparison.Ordinal);
        var table3 = CliRunner.Run("report", "generate", "--db", db, "--agency", "BGQ", "--year", "2025", "--include-subordinates", "--to", "json").Out;

        // One closed case made to look open, another given the wrong outcome.
        Assert.Equal(1, Execute(db, "UPDATE applications SET \"ClosedOn\" = NULL, \"ClosedState\" = NULL WHERE \"Id\" = (SELECT min(\"Id\") FROM applications WHERE \"ClosedOn\" IS NOT NULL)"));
        Assert.Equal(1, Execute(db, "UPDATE applications SET \"ClosedState\" = \"ClosedState\" + 1 WHERE \"Id\" = (SELECT max(\"Id\") FROM applications WHERE \"ClosedOn\" IS NOT NULL)"));
        var drift = CliRunner.Run("db", "verify", "--db", db);
        Assert.Equal(1, drift.ExitCode);
        Assert.StartsWith("收结投影与办理记录不一致：2 件", drift.FirstLine, StringComparison.Ordinal);
        Assert.Equal(3, drift.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        var fixedUp = CliRunner.Run("db", "verify", "--db", db, "--fix");
        Assert.Equal(0, fixedUp.ExitCode);
        Assert.StartsWith("已按办理记录重写", fixedUp.FirstLine, StringComparison.Ordinal);
        Assert.StartsWith("收结投影一致", fixedUp.Out.Split('\n')[1], StringComparison.Ordinal);
        Assert.Equal(table3, CliRunner.Run("report", "generate", "--db", db, "--agency", "BGQ", "--year", "2025", "--include-subordinates", "--to", "json").Out);
    }
}
