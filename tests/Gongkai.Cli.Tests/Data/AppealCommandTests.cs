using System.Text.Json;

namespace Gongkai.Cli.Tests.Data;

public class AppealCommandTests
{
    private static JsonElement Report(string db, int year) =>
        JsonDocument.Parse(CliRunner.Run("report", "generate", "--db", db, "--agency", "JD", "--year", year.ToString(System.Globalization.CultureInfo.InvariantCulture), "--to", "json").Out).RootElement;

    [Fact]
    public void AppealsAndNormativeDocuments_AreRecorded_AndCountedInTheReport()
    {
        using var dir = new TempDir();
        var db = Path.Combine(dir.Path, "r.db");
        Assert.Equal(0, CliRunner.Run("agencies", "add", "--db", db, "--id", "JD", "--name", "灯塔路街道办事处").ExitCode);

        Assert.Equal("已登记复议或诉讼 1", CliRunner.Run("appeals", "add", "--db", db, "--agency", "JD", "--kind", "reconsideration", "--filed-on", "2025-03-01").FirstLine);
        Assert.Equal(0, CliRunner.Run("appeals", "add", "--db", db, "--agency", "JD", "--kind", "litigation-direct", "--filed-on", "2025-04-01", "--result", "upheld", "--decided-on", "2025-09-01").ExitCode);
        var reconsideration = Report(db, 2025).GetProperty("appeals").GetProperty("reconsideration");
        Assert.Equal(1, reconsideration.GetProperty("pending").GetInt32());
        Assert.Equal(1, Report(db, 2025).GetProperty("appeals").GetProperty("litigationDirect").GetProperty("upheld").GetInt32());

        Assert.Equal("已登记审结结果 1", CliRunner.Run("appeals", "decide", "1", "--db", db, "--result", "corrected", "--decided-on", "2025-06-01").FirstLine);
        reconsideration = Report(db, 2025).GetProperty("appeals").GetProperty("reconsideration");
        Assert.Equal(1, reconsideration.GetProperty("corrected").GetInt32());
        Assert.Equal(0, reconsideration.GetProperty("pending").GetInt32());
        var twice = CliRunner.Run("appeals", "decide", "1", "--db", db, "--result", "upheld", "--decided-on", "2025-07-01");
        Assert.NotEqual(0, twice.ExitCode);
        Assert.Contains("已于 2025-06-01 审结", twice.Err, StringComparison.Ordinal);
        Assert.Equal(2, CliRunner.Run("appeals", "list", "--db", db, "--agency", "JD").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        Assert.Equal("已登记文件 1", CliRunner.Run("normative", "add", "--db", db, "--agency", "JD", "--title", "关于规范居民议事的办法", "--kind", "normative", "--issued-on", "2023-05-01").FirstLine);
        Assert.Equal(0, CliRunner.Run("normative", "add", "--db", db, "--agency", "JD", "--title", "关于社区网格管理的通知", "--kind", "normative", "--issued-on", "2025-02-01").ExitCode);
        Assert.Equal(0, CliRunner.Run("normative", "repeal", "1", "--db", db, "--on", "2025-08-01").ExitCode);
        var documents = Report(db, 2025).GetProperty("proactive").GetProperty("normativeDocuments");
        Assert.Equal(1, documents.GetProperty("issued").GetInt32());
        Assert.Equal(1, documents.GetProperty("repealed").GetInt32());
        Assert.Equal(1, documents.GetProperty("inForce").GetInt32());
    }

    [Theory]
    [InlineData("appeals", "add", "--agency", "NOPE", "--kind", "reconsideration", "--filed-on", "2025-03-01", "没有编号为 NOPE 的机关")]
    [InlineData("appeals", "add", "--agency", "JD", "--kind", "appeal", "--filed-on", "2025-03-01", "--kind 应为")]
    [InlineData("appeals", "add", "--agency", "JD", "--kind", "reconsideration", "--filed-on", "2025-03-01", "--result", "upheld", "审结结果和审结日期须同时填写")]
    [InlineData("appeals", "add", "--agency", "JD", "--kind", "reconsideration", "--filed-on", "2025-13-01", "--filed-on 的日期")]
    [InlineData("normative", "add", "--agency", "JD", "--title", "某文件", "--kind", "rule", "--issued-on", "2025-03-01", "--repealed-on", "2024-01-01", "废止日期不能早于制发日期")]
    public void BadRecords_AreRefusedWithTheReason(params string[] argsAndMessage)
    {
        using var dir = new TempDir();
        var db = Path.Combine(dir.Path, "r.db");
        CliRunner.Run("agencies", "add", "--db", db, "--id", "JD", "--name", "灯塔路街道办事处");
        var result = CliRunner.Run([.. argsAndMessage[..^1], "--db", db]);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(argsAndMessage[^1], result.Err, StringComparison.Ordinal);
        Assert.Empty(CliRunner.Run("appeals", "list", "--db", db, "--agency", "JD").Out.Trim());
    }
}
