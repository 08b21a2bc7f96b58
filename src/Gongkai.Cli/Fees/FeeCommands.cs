using System.CommandLine;

namespace Gongkai.Cli.Fees;

/// <summary><c>gongkai fee …</c>: 信息处理费.</summary>
public static class FeeCommands
{
    public static Command Build(TextWriter stdout) => new("fee", "信息处理费计算（国办函〔2020〕109号）");
}
