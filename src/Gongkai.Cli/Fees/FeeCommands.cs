using System.CommandLine;
using System.Globalization;
using Gongkai.Core.Fees;

namespace Gongkai.Cli.Fees;

/// <summary><c>gongkai fee …</c>: 信息处理费 (国办函〔2020〕109号). The first line is the amount in 元.</summary>
public static class FeeCommands
{
    public static Command Build(TextWriter stdout)
    {
        var fee = new Command("fee", "信息处理费计算（国办函〔2020〕109号）");
        fee.Subcommands.Add(PerApplication(stdout));
        fee.Subcommands.Add(PerPage(stdout));
        return fee;
    }

    private static string Yuan(decimal amount) => amount.ToString("0.##", CultureInfo.InvariantCulture);

    private static Command PerApplication(TextWriter stdout)
    {
        var nth = new Option<int?>("--nth") { Description = "同一申请人本自然月的第 K 件申请：输出该件的价格（元）" };
        var count = new Option<int?>("--count") { Description = "同一申请人本自然月共 K 件申请：输出合计（元）" };
        var command = new Command("per-application", "按件计收：每月10件以内免费，11–30件每件100元，此后每10件一档、每档每件加收100元") { nth, count };
        command.SetAction(parse =>
        {
            switch (parse.GetValue(nth), parse.GetValue(count))
            {
                case ({ } k, null):
                    CliParsing.Positive(k, "--nth");
                    var tier = FeeSchedule.ApplicationTier(k);
                    stdout.WriteLine(Yuan(tier.UnitPrice));
                    stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"第{k}件属于第{tier.From}–{tier.To}件档，每件{Yuan(tier.UnitPrice)}元（国办函〔2020〕109号第四条）"));
                    return 0;
                case (null, { } k):
                    var quote = FeeSchedule.PerApplication(CliParsing.NonNegative(k, "--count"));
                    stdout.WriteLine(Yuan(quote.Total));
                    stdout.Write(quote.ToText());
                    return 0;
                default:
                    throw new CliException("请给出 --nth 或 --count 之一");
            }
        });
        return command;
    }

    private static Command PerPage(TextWriter stdout)
    {
        var pages = new Option<int>("--pages") { Description = "页数", Required = true };
        var command = new Command("per-page", "按量计收：30页以内免费，31–100页每页10元，101–200页每页20元，201页以上每页40元") { pages };
        command.SetAction(parse =>
        {
            var quote = FeeSchedule.PerPage(CliParsing.NonNegative(parse.GetValue(pages), "--pages"));
            stdout.WriteLine(Yuan(quote.Total));
            stdout.Write(quote.ToText());
            return 0;
        });
        return command;
    }
}
