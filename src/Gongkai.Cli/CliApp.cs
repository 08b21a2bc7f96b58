using System.CommandLine;
using Gongkai.Cli.Calendar;
using Gongkai.Cli.Fees;
using Gongkai.Cli.Reports;

namespace Gongkai.Cli;

/// <summary>
/// The <c>gongkai</c> command. Exit codes: 0 success, 1 the input has errors (e.g. a report
/// that fails a rule), 2 bad arguments or unreadable input — always one clear line on stderr,
/// never a stack trace.
/// </summary>
public static class CliApp
{
    public const int Ok = 0;
    public const int Findings = 1;
    public const int Usage = 2;

    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <param name="clock">The one clock (the real one from <c>Program</c>, a fake one in tests).</param>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider clock)
    {
        var root = new RootCommand("Gongkai（公开）：政府信息公开工作平台的命令行工具")
        {
            ReportCommands.Build(stdout, stderr, clock),
            CalendarCommands.Build(stdout),
            FeeCommands.Build(stdout),
            Gongkai.Cli.Data.DbCommands.Build(stdout, clock),
            Gongkai.Cli.Data.RecordsCommands.Agencies(stdout, clock),
            Gongkai.Cli.Data.RecordsCommands.Demo(stdout, clock),
            Gongkai.Cli.Data.RecordsCommands.Cases(stdout, stderr, clock),
            Gongkai.Cli.Data.RecordsCommands.Proactive(stdout, stderr, clock),
            Gongkai.Cli.Data.AppealCommands.Appeals(stdout, clock),
            Gongkai.Cli.Data.AppealCommands.Normative(stdout, clock),
            Gongkai.Cli.Data.SecurityCommands.Audit(stdout, clock),
            Gongkai.Cli.Data.SecurityCommands.Privacy(stdout, clock),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            stderr.WriteLine($"错误：{OneLine(parsed.Errors[0].Message)}（用 --help 查看用法）");
            return Usage;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (CliException e)
        {
            stderr.WriteLine($"错误：{e.Message}");
            return e.ExitCode;
        }
        catch (Gongkai.Data.Privacy.PersonalDataKeyException e)
        {
            stderr.WriteLine($"错误：{e.Message}");
            return Usage;
        }
    }
}

/// <summary>A failure to report as one line; carries the exit code.</summary>
public sealed class CliException(string message, int exitCode = CliApp.Usage) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
