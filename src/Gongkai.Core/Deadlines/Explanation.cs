using System.Globalization;
using System.Text;

namespace Gongkai.Core.Deadlines;

/// <summary>How a date was computed: the rule, the start, each day skipped and why, each pause and extension.</summary>
public sealed class Explanation
{
    private readonly List<string> _lines = [];

    public Explanation(string rule) => Rule = rule;

    /// <summary>The rule and its source, e.g. 「答复期限：收到申请之日起20个工作日内（条例第三十三条第二款）」.</summary>
    public string Rule { get; }

    public IReadOnlyList<string> Lines => _lines;

    public void Add(string line) => _lines.Add(line);

    public string ToText()
    {
        var sb = new StringBuilder();
        sb.Append(Rule).Append('\n');
        foreach (var line in _lines)
        {
            sb.Append("  ").Append(line).Append('\n');
        }

        return sb.ToString();
    }

    public override string ToString() => ToText();

    internal static string Day(DateOnly d) =>
        $"{d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}（{Calendar.WorkdayCalendar.WeekdayName(d.DayOfWeek)}）";

    internal static string Span(DateOnly from, DateOnly to) =>
        from == to ? Day(from) : $"{Day(from)} 至 {Day(to)}（{(to.DayNumber - from.DayNumber + 1).ToString(CultureInfo.InvariantCulture)}天）";
}

/// <summary>A computed date with its working.</summary>
/// <param name="Name">What is due, e.g. 「答复期限」.</param>
/// <param name="Provisional">Some counted day lies beyond the published holiday years.</param>
/// <param name="CalendarVersion">The holiday data it was computed against.</param>
public sealed record ComputedDate(string Name, DateOnly Date, bool Provisional, Explanation Explanation, string CalendarVersion)
{
    public string ToText()
    {
        var text = Explanation.ToText();
        return Provisional
            ? text + "  注意：期间超出已公布的节假日安排，按周一至周五推算，结果为暂定，待国务院公布后重新计算\n"
            : text;
    }
}
