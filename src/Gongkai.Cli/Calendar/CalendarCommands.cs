using System.CommandLine;

namespace Gongkai.Cli.Calendar;

/// <summary><c>gongkai calendar …</c>: the working-day calendar.</summary>
public static class CalendarCommands
{
    public static Command Build(TextWriter stdout) => new("calendar", "工作日日历：计算工作日与法定期限");
}
