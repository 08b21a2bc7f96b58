using System.Text.Json;

namespace Gongkai.Cli.Tests.Data;

public class RecordsCommandTests
{
    [Fact]
    public void DemoSeed_ThenAgenciesList_ThenReportGenerate()
    {
        using var dir = new TempDir();
        var db = Path.Combine(dir.Path, "demo.db");
        var seeded = CliRunner.Run("demo", "seed", "--db", db, "--agencies", "3", "--years", "2022-2024", "--applications", "200");
        Assert.Equal(0, seeded.ExitCode);
        Assert.StartsWith("已生成演示数据", seeded.FirstLine, StringComparison.Ordinal);

        var list = CliRunner.Run("agencies", "list", "--db", db);
        var lines = list.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Equal("BGQ\t北关区人民政府\t", lines[0]);
        Assert.All(lines.Skip(1), l => Assert.EndsWith("\tBGQ", l, StringComparison.Ordinal));

        var json = CliRunner.Run("report", "generate", "--db", db, "--agency", "BGQ", "--year", "2023", "--include-subordinates", "--to", "json");
        Assert.Equal(0, json.ExitCode);
        using var doc = JsonDocument.Parse(json.Out);
        Assert.Equal("2021", doc.RootElement.GetProperty("edition").GetString());
        Assert.True(doc.RootElement.GetProperty("requests").GetProperty("received").GetProperty("total").GetInt32() > 0);

        var file = Path.Combine(dir.Path, "r.json");
        CliRunner.Run("report", "generate", "--db", db, "--agency", "BGQ", "--year", "2023", "--include-subordinates", "--to", "json", "-o", file);
        Assert.Equal(0, CliRunner.Run("report", "check", file).ExitCode);
    }

    [Fact]
    public void CasesImport_ReportsBadLinesAndExitsOne()
    {
        using var dir = new TempDir();
        var db = Path.Combine(dir.Path, "x.db");
        CliRunner.Run("demo", "seed", "--db", db, "--agencies", "1", "--applications", "10");
        var csv = dir.File("cases.csv", "tracking_number,agency_id,applicant_type,channel,received_on,applicant_name,phone,description,id_number,credit_code,decided_on,outcome\nN-1,BGQ,自然人,网络,2024-13-01,张三,1,描述,,,,\n");
        var bad = CliRunner.Run("cases", "import", csv, "--db", db);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("第 2 行「received_on」", bad.Err, StringComparison.Ordinal);

        var good = dir.File("ok.csv", "tracking_number,agency_id,applicant_type,channel,received_on,applicant_name,phone,description,id_number,credit_code,decided_on,outcome\nN-1,BGQ,自然人,网络,2024-11-01,张三,1,描述,,,,\n");
        var ok = CliRunner.Run("cases", "import", good, "--db", db);
        Assert.Equal(0, ok.ExitCode);
        Assert.Equal("已导入 1 件申请", ok.FirstLine);
    }

    [Fact]
    public void Generate_UnknownAgency_IsOneLine()
    {
        using var dir = new TempDir();
        var result = CliRunner.Run("report", "generate", "--db", Path.Combine(dir.Path, "e.db"), "--agency", "NOPE", "--year", "2024");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("NOPE", result.Err, StringComparison.Ordinal);
    }
}

public class AgencyCommandTests
{
    [Fact]
    public void AgenciesAdd_ValidatesTheCreditCode()
    {
        using var dir = new TempDir();
        var db = Path.Combine(dir.Path, "a.db");
        Assert.Equal(0, CliRunner.Run("agencies", "add", "--db", db, "--id", "QZF", "--name", "北关区人民政府", "--credit-code", "11370812004339255B").ExitCode);
        Assert.Equal(0, CliRunner.Run("agencies", "add", "--db", db, "--id", "JD", "--name", "灯塔路街道办事处", "--parent", "QZF").ExitCode);
        var bad = CliRunner.Run("agencies", "add", "--db", db, "--id", "X", "--name", "某局", "--credit-code", "123");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("creditCode", bad.Err, StringComparison.Ordinal);
        Assert.Equal(["QZF\t北关区人民政府\t", "JD\t灯塔路街道办事处\tQZF"], CliRunner.Run("agencies", "list", "--db", db).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
