using Microsoft.Data.Sqlite;

namespace Gongkai.Cli.Tests.Data;

public class SecurityCommandTests
{
    [Fact]
    public void AuditVerify_PassesOnAWrittenDatabase_AndNamesAnEditedRow()
    {
        using var dir = new TempDir();
        var db = System.IO.Path.Combine(dir.Path, "audit.db");
        Assert.Equal(0, CliRunner.Run("demo", "seed", "--db", db, "--agencies", "2", "--years", "2025-2025", "--applications", "20").ExitCode);
        Assert.Equal(0, CliRunner.Run("agencies", "add", "--db", db, "--id", "T-1", "--name", "测试街道办事处", "--parent", "BGQ").ExitCode);

        var intact = CliRunner.Run("audit", "verify", "--db", db);
        Assert.Equal(0, intact.ExitCode);
        Assert.StartsWith("审计日志完整：共 ", intact.FirstLine, StringComparison.Ordinal);

        using (var connection = new SqliteConnection($"Data Source={db}"))
        {
            connection.Open();
            using var edit = connection.CreateCommand();
            edit.CommandText = "UPDATE audit_log SET \"Actor\" = '别人' WHERE \"EntityKey\" = 'T-1'";
            Assert.Equal(1, edit.ExecuteNonQuery());
        }

        SqliteConnection.ClearAllPools();
        var tampered = CliRunner.Run("audit", "verify", "--db", db);
        Assert.Equal(1, tampered.ExitCode);
        Assert.StartsWith("审计日志被篡改：", tampered.FirstLine, StringComparison.Ordinal);
        Assert.Contains("T-1", tampered.Out, StringComparison.Ordinal);
        Assert.Contains("内容与哈希不符", tampered.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void PrivacyRekey_SaysHowManyItReencrypted()
    {
        using var dir = new TempDir();
        var db = System.IO.Path.Combine(dir.Path, "pi.db");
        Assert.Equal(0, CliRunner.Run("db", "migrate", "--db", db).ExitCode);
        var result = CliRunner.Run("privacy", "rekey", "--db", db);
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("已用密钥 test1 重新加密 0 件申请的个人信息", result.FirstLine, StringComparison.Ordinal);
    }
}
