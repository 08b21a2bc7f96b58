using Spectre.Console;
using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Rules;
using Gongkai.Core.Statute;
using Gongkai.Documents.Reading;
using Gongkai.Documents.Reports;

namespace Gongkai.Cli.Reports;

/// <summary><c>gongkai report rollup DIR|FILE… [--json] [-o summary.html|.xlsx]</c>.</summary>
public static class RollupCommand
{
    public static Command Build(TextWriter stdout)
    {
        var inputs = new Argument<string[]>("DIR|FILE") { Description = "报告文件或目录（目录中的所有文件，任意格式混合）", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "以 JSON 输出（机器可读）" };
        var output = new Option<string?>("--output", "-o") { Description = "汇总文件：summary.html 或 summary.xlsx" };
        var command = new Command("rollup", "汇总多个机关的年度报告：逐份校验、跨年度核对、按年度与格式逐格合计") { inputs, json, output };
        command.SetAction(parse =>
        {
            var files = Expand(parse.GetValue(inputs)!);
            var loaded = new List<RollupInput>();
            if (Console.IsErrorRedirected)
            {
                loaded.AddRange(files.Select(Load)); // no progress drawing into a file or a pipe
            }
            else
            {
                // Spectre.Console draws the progress on the terminal's stderr; stdout stays the result.
                var terminal = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings { Out = new Spectre.Console.AnsiConsoleOutput(Console.Error) });
                terminal.Progress().Start(context =>
                {
                    var task = context.AddTask("读取报告", maxValue: Math.Max(1, files.Count));
                    foreach (var file in files)
                    {
                        loaded.Add(Load(file));
                        task.Increment(1);
                    }
                });
            }

            var result = ReportRollup.Build(loaded);
            if (parse.GetValue(output) is { } path)
            {
                WriteFile(path, result);
            }

            if (parse.GetValue(json))
            {
                WriteJson(stdout, result);
            }
            else
            {
                WriteText(stdout, result);
            }

            return result.Entries.Any(e => e.Errors > 0) ? CliApp.Findings : CliApp.Ok;
        });
        return command;
    }

    private static List<string> Expand(IEnumerable<string> inputs)
    {
        var files = new List<string>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                files.AddRange(Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                    .Where(f => !Path.GetFileName(f).StartsWith('.'))
                    .Order(StringComparer.Ordinal));
            }
            else if (File.Exists(input))
            {
                files.Add(input);
            }
            else
            {
                throw new CliException($"{input}：文件或目录不存在");
            }
        }

        return files;
    }

    /// <summary>A file that cannot be read becomes an entry with one error, so one bad file never stops a roll-up.</summary>
    private static RollupInput Load(string file) => ReportLoader.ForRollup(file, () => ReportLoader.Load(file));

    private static void WriteFile(string path, RollupResult result)
    {
        try
        {
            switch (Path.GetExtension(path).ToLowerInvariant())
            {
                case ".html" or ".htm":
                    File.WriteAllText(path, RollupHtmlWriter.Write(result), new UTF8Encoding(false));
                    break;
                case ".xlsx":
                    using (var stream = File.Create(path))
                    {
                        RollupXlsxWriter.Write(stream, result);
                    }

                    break;
                default:
                    throw new CliException($"-o {path}：汇总文件应为 .html 或 .xlsx");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"无法写入 {path}：{e.Message}");
        }
    }

    private static void WriteText(TextWriter stdout, RollupResult result)
    {
        stdout.WriteLine($"共 {result.Entries.Count} 份报告，{result.Entries.Sum(e => e.Errors)} 个错误，{result.Entries.Sum(e => e.Warnings)} 个警告");
        foreach (var e in result.Entries)
        {
            var loaded = new LoadedReport(e.Input.Source, e.Input.Form, e.Input.Report, e.Input.Context, e.Input.ReaderDiagnostics);
            DiagnosticTable.Write(stdout, loaded, e.Diagnostics);
        }

        foreach (var total in result.Totals)
        {
            var requests = total.Sum.Requests!;
            string Cell(RequestRowKind kind) => requests.Cell(RequestTable.Row(total.Edition, kind), ApplicantColumns.Total)?.ToString(CultureInfo.InvariantCulture) ?? "—";
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{total.Year}年度合计（{total.Edition.Code()}年版，{total.Agencies.Count}个机关）：新收申请 {Cell(RequestRowKind.Received)} 件，上年结转 {Cell(RequestRowKind.CarriedOver)} 件，办结 {Cell(RequestRowKind.Total)} 件，结转下年度 {Cell(RequestRowKind.CarriedForward)} 件"));
        }
    }

    private static void WriteJson(TextWriter stdout, RollupResult result)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteStartArray("entries");
            foreach (var e in result.Entries)
            {
                w.WriteStartObject();
                w.WriteString("file", e.Input.Source);
                w.WriteString("form", e.Input.Form);
                w.WriteString("agency", e.Input.Report?.Agency);
                if (e.Input.Report is { } r)
                {
                    w.WriteNumber("year", r.Year);
                    w.WriteString("edition", r.Edition.Code());
                }

                w.WriteNumber("errors", e.Errors);
                w.WriteNumber("warnings", e.Warnings);
                w.WritePropertyName("diagnostics");
                DiagnosticJson.WriteArray(w, e.Diagnostics);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("totals");
            foreach (var t in result.Totals)
            {
                w.WriteStartObject();
                w.WriteNumber("year", t.Year);
                w.WriteString("edition", t.Edition.Code());
                w.WriteStartArray("agencies");
                foreach (var a in t.Agencies)
                {
                    w.WriteStringValue(a);
                }

                w.WriteEndArray();
                w.WriteStartArray("incomplete");
                foreach (var cell in t.Incomplete)
                {
                    w.WriteStringValue(cell);
                }

                w.WriteEndArray();
                w.WritePropertyName("report");
                AnnualReportJson.Write(w, t.Sum);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        stdout.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }
}
