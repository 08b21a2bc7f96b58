using System.Globalization;
using System.Text.RegularExpressions;
using Gongkai.Testing;

namespace Gongkai.Core.Tests.Calendar;

/// <summary>
/// The holiday facts as written in shared/reference/gip-rules.md §4, parsed independently of the
/// calendar's own data file, so the two sources check each other.
/// </summary>
public static partial class ReferenceHolidays
{
    public sealed record Year(int Number, IReadOnlyList<DateOnly> NonWorkingWeekdays, IReadOnlyList<DateOnly> WeekendWorkdays);

    public static IReadOnlyList<Year> All { get; } = Parse();

    private static IReadOnlyList<Year> Parse()
    {
        var text = File.ReadAllText(SharedFiles.Reference("gip-rules.md"));
        var section = text[text.IndexOf("## 4.", StringComparison.Ordinal)..text.IndexOf("## 5.", StringComparison.Ordinal)];
        var years = new List<Year>();
        foreach (Match m in YearHeading().Matches(section))
        {
            var year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            var body = section[m.Index..];
            var next = YearHeading().Match(body, 1);
            if (next.Success)
            {
                body = body[..next.Index];
            }

            years.Add(new Year(year, Dates(body, "Non-working weekdays:", year), Dates(body, "Weekend workdays:", year)));
        }

        return years;
    }

    /// <summary>Dates are written "2018-12-31, 01-01, …": a short date is in the heading's year.</summary>
    private static DateOnly[] Dates(string body, string label, int year)
    {
        var line = body.Split('\n').Single(l => l.Contains(label, StringComparison.Ordinal));
        var list = line[(line.IndexOf(label, StringComparison.Ordinal) + label.Length)..];
        var result = new List<DateOnly>();
        foreach (var raw in list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = raw.Split('-').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
            result.Add(parts.Length == 3 ? new DateOnly(parts[0], parts[1], parts[2]) : new DateOnly(year, parts[0], parts[1]));
        }

        return result.ToArray();
    }

    [GeneratedRegex(@"^### (20\d\d) ", RegexOptions.Multiline)]
    private static partial Regex YearHeading();
}
