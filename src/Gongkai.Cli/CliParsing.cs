using System.Globalization;

namespace Gongkai.Cli;

/// <summary>Argument parsing with one-line zh-CN errors.</summary>
public static class CliParsing
{
    public static DateOnly Date(string text, string option) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new CliException($"{option} 的日期“{text}”无效，应为 yyyy-MM-dd 格式（如 2024-09-27）");

    public static int NonNegative(int value, string option) =>
        value >= 0 ? value : throw new CliException($"{option} 不能为负数（得到 {value.ToString(CultureInfo.InvariantCulture)}）");

    public static int Positive(int value, string option) =>
        value >= 1 ? value : throw new CliException($"{option} 必须是正整数（得到 {value.ToString(CultureInfo.InvariantCulture)}）");
}
