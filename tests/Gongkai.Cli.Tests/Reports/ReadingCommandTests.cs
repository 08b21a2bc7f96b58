using System.Text.Json;
using Gongkai.Testing;

namespace Gongkai.Cli.Tests.Reports;

public class ReadingCommandTests
{
    private static string[] CorpusFiles() =>
        [.. Directory.GetFiles(SharedFiles.Corpus("seeds")).Order(StringComparer.Ordinal), .. Directory.GetFiles(SharedFiles.Corpus("published"), "*.pdf").Order(StringComparer.Ordinal)];

    [Fact]
    public void Check_EveryCorpusForm_PrintsEditionYearAgencyAndDiagnosticsPerFile()
    {
        var files = CorpusFiles();
        var result = CliRunner.Run(["report", "check", .. files]);
        Assert.Equal(1, result.ExitCode); // seed 003 and the 2023 洪泽 report have errors
        Assert.Contains("徐家营街道办事处 2021年度 2021年版格式 — 12 个错误", result.Out, StringComparison.Ordinal);
        Assert.Contains("淮安市人民政府 2024年度 2021年版格式 — 0 个错误，0 个警告", result.Out, StringComparison.Ordinal);
        Assert.Contains("appeal-total", result.Out, StringComparison.Ordinal);
        Assert.Equal(files.Length, result.Out.Split('\n').Count(l => l.Contains("年度 20", StringComparison.Ordinal) && l.Contains("年版格式 —", StringComparison.Ordinal)));
    }

    [Fact]
    public void CheckJson_CarriesTheReportWithItsCells()
    {
        var pdf = SharedFiles.Corpus("published", "huaian-city-2024.pdf");
        var result = CliRunner.Run("report", "check", "--json", pdf);
        using var doc = JsonDocument.Parse(result.Out);
        var entry = doc.RootElement[0];
        Assert.Equal("pdf", entry.GetProperty("form").GetString());
        var received = entry.GetProperty("report").GetProperty("requests").GetProperty("received");
        Assert.Equal(3001, received.GetProperty("natural").GetInt32());
        Assert.Equal(3119, received.GetProperty("total").GetInt32());
    }

    [Fact]
    public void Parse_Json_OfOneFileIsTheReportObject_AndRendersBack()
    {
        using var dir = new TempDir();
        var result = CliRunner.Run("report", "parse", "--json", SharedFiles.Corpus("seeds", "001_f91fd63a8d753a03.txt"));
        Assert.Equal(0, result.ExitCode);
        var json = dir.File("r.json", result.Out);
        Assert.Equal(result.Out.TrimEnd('\n'), CliRunner.Run("report", "render", json, "--to", "json").Out.TrimEnd('\n'));
    }

    [Fact]
    public void Parse_NotAReport_SaysSoAndExitsOne()
    {
        using var dir = new TempDir();
        var result = CliRunner.Run("report", "parse", dir.File("memo.txt", "会议纪要\n今天讨论了三件事。\n"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("不是政府信息公开工作年度报告", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Rollup_ListsEachReportAndSumsPerYear_Json()
    {
        var result = CliRunner.Run("report", "rollup", "--json", SharedFiles.Corpus("published"));
        using var doc = JsonDocument.Parse(result.Out);
        Assert.Equal(3, doc.RootElement.GetProperty("entries").GetArrayLength());
        var totals = doc.RootElement.GetProperty("totals").EnumerateArray().ToArray();
        var y2024 = totals.Single(t => t.GetProperty("year").GetInt32() == 2024);
        Assert.Equal(2, y2024.GetProperty("agencies").GetArrayLength());
        Assert.Equal(3119 + 95, y2024.GetProperty("report").GetProperty("requests").GetProperty("received").GetProperty("total").GetInt32());
    }

    /// <summary>A folder mixing every form (PDF-extracted text, crawled pages, PDF) gives every report its tables.</summary>
    [Fact]
    public void Rollup_OverAFolderMixingForms_GivesEveryReportItsTables()
    {
        using var dir = new TempDir();
        foreach (var file in Directory.GetFiles(SharedFiles.Corpus("seeds")).Concat(Directory.GetFiles(SharedFiles.Corpus("crawled"), "*.txt")).Concat(Directory.GetFiles(SharedFiles.Corpus("published"))))
        {
            File.Copy(file, Path.Combine(dir.Path, Path.GetFileName(file)));
        }

        var result = CliRunner.Run("report", "rollup", "--json", dir.Path);
        using var doc = JsonDocument.Parse(result.Out);
        var entries = doc.RootElement.GetProperty("entries").EnumerateArray().ToArray();
        Assert.Equal(10, entries.Length);
        var withoutTables = new List<string>();
        foreach (var entry in entries)
        {
            var codes = entry.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("code").GetString()).ToArray();
            Assert.DoesNotContain("not-a-report", codes);
            if (codes.Contains("missing-table"))
            {
                withoutTables.Add(Path.GetFileName(entry.GetProperty("file").GetString()!));
            }
        }

        // Only the seed that really lacks section 四 (corpus README) misses a table.
        Assert.Equal(["003_29793b2c7988821a.txt"], withoutTables);
    }

    [Theory]
    [InlineData("summary.html", "政府信息公开工作年度报告汇总")]
    [InlineData("summary.xlsx", "PK")]
    public void Rollup_WritesASummaryFile(string name, string marker)
    {
        using var dir = new TempDir();
        var output = Path.Combine(dir.Path, name);
        var result = CliRunner.Run("report", "rollup", SharedFiles.Corpus("seeds"), "-o", output);
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("共 5 份报告", result.Out, StringComparison.Ordinal);
        var head = File.ReadAllText(output);
        Assert.Contains(marker, head, StringComparison.Ordinal);
    }

    [Fact]
    public void Rollup_AnUnreadableFileIsAnEntryNotAnAbort()
    {
        using var dir = new TempDir();
        File.WriteAllBytes(Path.Combine(dir.Path, "junk.bin"), [0, 1, 2, 3, 255, 254, 0, 0]);
        File.Copy(SharedFiles.Corpus("seeds", "001_f91fd63a8d753a03.txt"), Path.Combine(dir.Path, "a.txt"));
        var result = CliRunner.Run("report", "rollup", dir.Path);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("junk.bin", result.Out, StringComparison.Ordinal);
        Assert.Contains("红旗区西街街道办事处", result.Out, StringComparison.Ordinal);
    }
}
