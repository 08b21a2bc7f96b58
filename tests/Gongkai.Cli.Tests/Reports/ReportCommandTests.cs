using System.Text.Json;
using Gongkai.Core.Reports;
using Gongkai.Core.Statute;
using Gongkai.Testing;

namespace Gongkai.Cli.Tests.Reports;

public class ReportCommandTests
{
    private static string Unbalanced(AnnualReport report)
    {
        var received = report.Requests![RequestTable.Row(report.Edition, RequestRowKind.Received)]!;
        received[ApplicantColumns.Commercial.Index] += 1;
        received[ApplicantColumns.Total.Index] += 1;
        return AnnualReportJson.Write(report);
    }

    [Fact]
    public void Check_ConsistentReport_ExitsZero()
    {
        using var dir = new TempDir();
        var file = dir.File("ok.json", AnnualReportJson.Write(ReportGenerator.Consistent(new Random(1), Edition.V2021)));
        var result = CliRunner.Run("report", "check", file);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("0 个错误", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_UnbalancedReport_PrintsBalanceNamingTheColumnAndExitsOne()
    {
        using var dir = new TempDir();
        var file = dir.File("bad.json", Unbalanced(ReportGenerator.Consistent(new Random(1), Edition.V2021)));
        var result = CliRunner.Run("report", "check", file);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("balance", result.Out, StringComparison.Ordinal);
        Assert.Contains("「商业企业」", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Json_GivesMachineReadableDiagnostics()
    {
        using var dir = new TempDir();
        var ok = dir.File("ok.json", AnnualReportJson.Write(ReportGenerator.Consistent(new Random(1), Edition.V2019, 2020)));
        var bad = dir.File("bad.json", Unbalanced(ReportGenerator.Consistent(new Random(2), Edition.V2021, 2022)));
        var result = CliRunner.Run("report", "check", "--json", ok, bad);
        Assert.Equal(1, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Out);
        var files = doc.RootElement.EnumerateArray().ToArray();
        Assert.Equal(2, files.Length);
        Assert.Equal("2019", files[0].GetProperty("edition").GetString());
        Assert.Equal(0, files[0].GetProperty("diagnostics").GetArrayLength());
        var d = files[1].GetProperty("diagnostics")[0];
        Assert.Equal("balance", d.GetProperty("code").GetString());
        Assert.Equal("error", d.GetProperty("severity").GetString());
        Assert.Equal("商业企业", d.GetProperty("location").GetProperty("column").GetString());
    }

    [Fact]
    public void Check_LatePublication_WhenPublishedOnIsGiven()
    {
        using var dir = new TempDir();
        var file = dir.File("ok.json", AnnualReportJson.Write(ReportGenerator.Consistent(new Random(1), Edition.V2021, 2022)));
        var result = CliRunner.Run("report", "check", file, "--published-on", "2023-05-01");
        Assert.Contains("late-publication", result.Out, StringComparison.Ordinal);
        Assert.Equal(0, result.ExitCode); // a warning, not an error
    }

    [Theory]
    [InlineData("html", "<table class=\"gk t3\">")]
    [InlineData("md", "## 三、收到和处理政府信息公开申请情况")]
    [InlineData("json", "\"format\": \"gongkai.annual-report/1\"")]
    public void Render_WritesEachFormat(string format, string expected)
    {
        using var dir = new TempDir();
        var file = dir.File("r.json", AnnualReportJson.Write(ReportGenerator.Consistent(new Random(3), Edition.V2021)));
        var output = System.IO.Path.Combine(dir.Path, "out." + format);
        var result = CliRunner.Run("report", "render", file, "--to", format, "-o", output);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(expected, File.ReadAllText(output), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_JsonToStdout_RoundTrips()
    {
        using var dir = new TempDir();
        var json = AnnualReportJson.Write(ReportGenerator.Consistent(new Random(3), Edition.V2019));
        var result = CliRunner.Run("report", "render", dir.File("r.json", json), "--to", "json");
        Assert.Equal(json, result.Out.TrimEnd('\n'));
    }

    [Theory]
    [InlineData("report", "check", "/nonexistent/x.json")]
    [InlineData("report", "render", "/nonexistent/x.json", "--to", "html")]
    [InlineData("report", "render", "x.json", "--to", "pdfx")]
    [InlineData("report", "check")]
    [InlineData("report", "frobnicate")]
    public void BadArguments_OneLineNoStackTrace(params string[] args)
    {
        var result = CliRunner.Run(args);
        Assert.Equal(2, result.ExitCode);
        var lines = result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("错误：", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidJson_NamesThePath()
    {
        using var dir = new TempDir();
        var json = AnnualReportJson.Write(ReportGenerator.Consistent(new Random(3), Edition.V2021)).Replace("\"disclosed\"", "\"disclosedd\"", StringComparison.Ordinal);
        var result = CliRunner.Run("report", "check", dir.File("x.json", json));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("$.requests.disclosedd", result.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("report", "--help")]
    [InlineData("report", "check", "--help")]
    [InlineData("report", "render", "--help")]
    public void Help_Everywhere(params string[] args)
    {
        var result = CliRunner.Run(args);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage", result.Out, StringComparison.Ordinal);
    }
}
