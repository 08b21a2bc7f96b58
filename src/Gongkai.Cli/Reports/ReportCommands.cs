using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Rules;
using Gongkai.Core.Statute;
using Gongkai.Documents.Reading;
using Gongkai.Documents.Reports;

namespace Gongkai.Cli.Reports;

/// <summary><c>gongkai report check|render</c>.</summary>
public static class ReportCommands
{
    public static Command Build(TextWriter stdout, TextWriter stderr, TimeProvider clock)
    {
        var report = new Command("report", "年度报告：校验、转换格式");
        report.Subcommands.Add(BuildParse(stdout, stderr));
        report.Subcommands.Add(BuildCheck(stdout));
        report.Subcommands.Add(BuildRender(stdout));
        report.Subcommands.Add(RollupCommand.Build(stdout));
        report.Subcommands.Add(Gongkai.Cli.Data.RecordsCommands.Generate(stdout, stderr, clock));
        report.Subcommands.Add(Gongkai.Cli.Data.RecordsCommands.Lock(stdout, clock));
        report.Subcommands.Add(Gongkai.Cli.Data.RecordsCommands.Review(stdout, clock));
        report.Subcommands.Add(Gongkai.Cli.Data.RecordsCommands.Trace(stdout, clock));
        return report;
    }

    public const string FileHelp = "报告文件：PDF、DOCX、HTML、文本（UTF-8 或 GB18030）或 gongkai.annual-report/1 JSON，按内容识别";

    private static Command BuildParse(TextWriter stdout, TextWriter stderr)
    {
        var files = new Argument<string[]>("FILE") { Description = FileHelp, Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "输出 gongkai.annual-report/1 JSON（多个文件时为数组）" };
        var command = new Command("parse", "读取已发布的年度报告，识别格式版本、年度、机关和各表数据") { files, json };
        command.SetAction(parse =>
        {
            var loaded = parse.GetValue(files)!.Select(LoadOrThrow).ToList();
            var failed = loaded.Where(l => l.Report is null).ToList();
            foreach (var f in failed)
            {
                stderr.WriteLine($"错误：{f.Source}：{string.Join("；", f.ReaderDiagnostics.Select(d => d.Message))}");
            }

            var reports = loaded.Where(l => l.Report is not null).ToList();
            if (parse.GetValue(json))
            {
                if (loaded.Count == 1)
                {
                    if (reports.Count == 1)
                    {
                        stdout.WriteLine(AnnualReportJson.Write(reports[0].Report!));
                    }
                }
                else
                {
                    using var stream = new MemoryStream();
                    using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                    {
                        w.WriteStartArray();
                        foreach (var r in reports)
                        {
                            AnnualReportJson.Write(w, r.Report!);
                        }

                        w.WriteEndArray();
                    }

                    stdout.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
                }
            }
            else
            {
                foreach (var r in reports)
                {
                    var report = r.Report!;
                    stdout.WriteLine($"{r.Source}：{report.Agency ?? "（机关不详）"} {report.Year}年度 {report.Edition.Code()}年版格式（{r.Form}）");
                    stdout.WriteLine(ReportMarkdownWriter.Write(report));
                }
            }

            return failed.Count > 0 ? CliApp.Findings : CliApp.Ok;
        });
        return command;
    }

    private static Command BuildCheck(TextWriter stdout)
    {
        var files = new Argument<string[]>("FILE") { Description = FileHelp, Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "以 JSON 输出（机器可读）" };
        var publishedOn = new Option<string?>("--published-on") { Description = "报告公布日期 yyyy-MM-dd，用于检查是否逾期公布" };
        var previous = new Option<string?>("--previous") { Description = "同一机关上一年度的报告文件，用于跨年度核对" };
        var command = new Command("check", "读取并校验年度报告的每一条勾稽关系与格式要求；有错误时退出码为 1") { files, json, publishedOn, previous };
        command.SetAction(parse =>
        {
            var context = new CheckContext
            {
                PublishedOn = parse.GetValue(publishedOn) is { } d ? CliParsing.Date(d, "--published-on") : null,
                PreviousYear = parse.GetValue(previous) is { } p ? LoadOrThrow(p).Report : null,
            };
            var results = parse.GetValue(files)!.Select(f => (Loaded: LoadOrThrow(f), Context: context)).ToList();
            var checks = results.Select(r => (r.Loaded, Diagnostics: r.Loaded.Check(r.Context))).ToList();
            if (parse.GetValue(json))
            {
                WriteCheckJson(stdout, checks);
            }
            else
            {
                foreach (var (loaded, diagnostics) in checks)
                {
                    DiagnosticTable.Write(stdout, loaded, diagnostics);
                }
            }

            return checks.Any(c => c.Diagnostics.Any(d => d.Severity == Severity.Error)) ? CliApp.Findings : CliApp.Ok;
        });
        return command;
    }

    private static Command BuildRender(TextWriter stdout)
    {
        var file = new Argument<string>("FILE") { Description = FileHelp };
        var to = new Option<string>("--to") { Description = "输出格式：html、md、json、docx、xlsx、pdf", Required = true };
        to.AcceptOnlyFromAmong(Formats);
        var output = new Option<string?>("--output", "-o") { Description = "输出文件；省略时写到标准输出" };
        var command = new Command("render", "把年度报告输出为 HTML（官方表格样式）、Markdown 或 JSON") { file, to, output };
        command.SetAction(parse =>
        {
            var loaded = LoadOrThrow(parse.GetValue(file)!);
            var report = loaded.Report ?? throw new CliException($"{loaded.Source}：不是可识别的年度报告");
            Emit(stdout, report, parse.GetValue(to)!, loaded.Check(), parse.GetValue(output));
            return CliApp.Ok;
        });
        return command;
    }

    public static readonly string[] Formats = ["html", "md", "json", "docx", "xlsx", "pdf"];

    /// <summary>Writes a report in a format to a file, or text formats to stdout.</summary>
    internal static void Emit(TextWriter stdout, AnnualReport report, string format, IReadOnlyList<Diagnostic> diagnostics, string? output)
    {
        {
            var bytes = format switch
            {
                "html" => Encoding.UTF8.GetBytes(ReportHtmlWriter.Write(report)),
                "md" => Encoding.UTF8.GetBytes(ReportMarkdownWriter.Write(report)),
                "docx" => ReportDocxWriter.Write(report),
                "xlsx" => ReportXlsxWriter.Write(report, diagnostics),
                "pdf" => RenderPdf(report),
                _ => Encoding.UTF8.GetBytes(AnnualReportJson.Write(report) + "\n"),
            };
            if (output is { } path)
            {
                try
                {
                    File.WriteAllBytes(path, bytes);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new CliException($"无法写入 {path}：{e.Message}");
                }
            }
            else if (format is "docx" or "xlsx" or "pdf")
            {
                throw new CliException($"{format} 是二进制格式，请用 -o 指定输出文件");
            }
            else
            {
                stdout.Write(Encoding.UTF8.GetString(bytes));
            }
        }
    }

    private static byte[] RenderPdf(AnnualReport report)
    {
        try
        {
            return ReportPdfWriter.Write(report);
        }
        catch (PdfRenderException e)
        {
            throw new CliException(e.Message);
        }
    }

    internal static LoadedReport LoadOrThrow(string path)
    {
        try
        {
            return ReportLoader.Load(path);
        }
        catch (ReportReadException e)
        {
            throw new CliException(e.Message);
        }
    }

    private static void WriteCheckJson(TextWriter stdout, List<(LoadedReport Loaded, IReadOnlyList<Diagnostic> Diagnostics)> checks)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartArray();
            foreach (var (loaded, diagnostics) in checks)
            {
                w.WriteStartObject();
                w.WriteString("file", loaded.Source);
                w.WriteString("form", loaded.Form);
                if (loaded.Report is { } r)
                {
                    w.WriteString("agency", r.Agency);
                    w.WriteNumber("year", r.Year);
                    w.WriteString("edition", r.Edition.Code());
                }

                w.WriteNumber("errors", diagnostics.Count(d => d.Severity == Severity.Error));
                w.WriteNumber("warnings", diagnostics.Count(d => d.Severity == Severity.Warning));
                w.WritePropertyName("diagnostics");
                DiagnosticJson.WriteArray(w, diagnostics);
                w.WritePropertyName("report");
                if (loaded.Report is { } report)
                {
                    AnnualReportJson.Write(w, report);
                }
                else
                {
                    w.WriteNullValue();
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        stdout.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }
}
