namespace Gongkai.Cli.Tests.Data;

public class ReportLockCommandTests
{
    [Fact]
    public void Lock_IsRefusedBeforeTheYearEnds_WithPlaceholders_AndWithoutASecondPerson_ThenAccepted()
    {
        using var dir = new TempDir();
        var db = Path.Combine(dir.Path, "l.db");
        Assert.Equal(0, CliRunner.Run("agencies", "add", "--db", db, "--id", "JD", "--name", "灯塔路街道办事处").ExitCode);

        var early = CliRunner.RunAt(new DateOnly(2026, 12, 1), "report", "lock", "--db", db, "--agency", "JD", "--year", "2030", "--by", "管理员");
        Assert.Equal(1, early.ExitCode);
        Assert.Contains("2030年度尚未结束", early.Err, StringComparison.Ordinal);
        Assert.Contains("【请填写…】", early.Err, StringComparison.Ordinal);

        var afterYear = new DateOnly(2026, 1, 20);
        var drafted = CliRunner.RunAt(afterYear, "report", "lock", "--db", db, "--agency", "JD", "--year", "2025", "--by", "孙分管", "--acknowledge-warnings");
        Assert.Equal(1, drafted.ExitCode);
        Assert.Contains("处「【请填写…】」待填写", drafted.Err, StringComparison.Ordinal);

        var overview = dir.File("overview.txt", "2025年，本机关依法做好政府信息公开工作。");
        var problems = dir.File("problems.txt", "存在的主要问题：信息发布不够及时。改进情况：建立提醒机制。");
        var other = dir.File("other.txt", "本年度未收取信息处理费。");
        Assert.Equal("已审核 JD 的 2025 年度报告", CliRunner.RunAt(afterYear, "report", "review", "--db", db, "--agency", "JD", "--year", "2025", "--by", "孙分管",
            "--overview", overview, "--problems", problems, "--other", other).FirstLine);
        var same = CliRunner.RunAt(afterYear, "report", "lock", "--db", db, "--agency", "JD", "--year", "2025", "--by", "孙分管", "--acknowledge-warnings");
        Assert.Contains("不能是同一人", same.Err, StringComparison.Ordinal);

        var locked = CliRunner.RunAt(afterYear, "report", "lock", "--db", db, "--agency", "JD", "--year", "2025", "--by", "钱主任", "--acknowledge-warnings");
        Assert.Equal(0, locked.ExitCode);
        Assert.Equal("已锁定 JD 的 2025 年度报告", locked.FirstLine);
    }
}
