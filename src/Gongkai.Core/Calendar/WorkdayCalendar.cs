using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace Gongkai.Core.Calendar;

/// <summary>A year's holiday arrangement as published by the State Council.</summary>
/// <param name="Provisional">
/// No notice yet: only the statutory holiday dates of 《全国年节及纪念日放假办法》 第二条 are
/// known (元旦, 春节 除夕–初三, 清明节, 劳动节 5/1–5/2, 端午节, 中秋节, 国庆节 10/1–10/3); the
/// year's 补假 and 调休上班 days are not, so every day of the year stays provisional.
/// </param>
public sealed record HolidayYear(int Year, string Notice, string Url, IReadOnlyList<HolidayPeriod> Holidays, bool Provisional = false);

/// <summary>One holiday: its 放假 range (inclusive) and its 调休上班 days.</summary>
public sealed record HolidayPeriod(string Name, DateOnly From, DateOnly To, IReadOnlyList<DateOnly> Workdays);

/// <summary>
/// China's working-day calendar. A day is a working day if it is Monday–Friday and not a 放假 day,
/// or a listed 调休上班 weekend day (gip-rules §4). The facts are data
/// (<c>Calendar/holidays.json</c>, one entry per year citing its notice); a correction or a newly
/// published year is a data change with a new <see cref="Version"/>, and every deadline derived
/// from it can be recomputed. Days in years not published are counted Monday–Friday and marked
/// provisional.
/// </summary>
public sealed class WorkdayCalendar
{
    private readonly Dictionary<DateOnly, (DayKind Kind, string Name)> _special = [];
    private readonly HashSet<int> _years;

    public WorkdayCalendar(string version, IReadOnlyList<HolidayYear> years)
    {
        Version = version;
        Years = years.OrderBy(y => y.Year).ToArray();
        _years = Years.Where(y => !y.Provisional).Select(y => y.Year).ToHashSet();
        foreach (var year in Years)
        {
            foreach (var holiday in year.Holidays)
            {
                if (holiday.To < holiday.From)
                {
                    throw new ArgumentException($"Holiday {holiday.Name} {year.Year} ends before it starts.", nameof(years));
                }

                for (var d = holiday.From; d <= holiday.To; d = d.AddDays(1))
                {
                    Add(d, DayKind.Holiday, holiday.Name);
                }

                foreach (var d in holiday.Workdays)
                {
                    if (!IsWeekend(d))
                    {
                        throw new ArgumentException($"调休上班 day {d:yyyy-MM-dd} of {holiday.Name} is not a weekend day.", nameof(years));
                    }

                    Add(d, DayKind.MakeupWorkday, holiday.Name);
                }
            }
        }
    }

    private void Add(DateOnly date, DayKind kind, string name)
    {
        if (!_special.TryAdd(date, (kind, name)))
        {
            throw new ArgumentException($"{date:yyyy-MM-dd} is listed twice in the holiday data.");
        }
    }

    /// <summary>The data version (date of the latest notice included).</summary>
    public string Version { get; }

    public IReadOnlyList<HolidayYear> Years { get; }

    public int FirstPublishedYear => Years.First(y => !y.Provisional).Year;

    public int LastPublishedYear => Years.Last(y => !y.Provisional).Year;

    /// <summary>The calendar shipped with Gongkai.</summary>
    public static WorkdayCalendar Default => _default.Value;

    private static readonly Lazy<WorkdayCalendar> _default = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Gongkai.Core.Calendar.holidays.json")
            ?? throw new InvalidOperationException("holidays.json is not embedded in Gongkai.Core.");
        return Load(stream);
    });

    /// <summary>Loads a calendar in the <c>gongkai.workday-calendar/1</c> format.</summary>
    public static WorkdayCalendar Load(Stream json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var years = root.GetProperty("years").EnumerateArray().Select(y => new HolidayYear(
            y.GetProperty("year").GetInt32(),
            y.GetProperty("notice").GetString()!,
            y.GetProperty("url").GetString()!,
            y.GetProperty("holidays").EnumerateArray().Select(h => new HolidayPeriod(
                h.GetProperty("name").GetString()!,
                ParseDate(h.GetProperty("from").GetString()!),
                ParseDate(h.GetProperty("to").GetString()!),
                h.GetProperty("workdays").EnumerateArray().Select(w => ParseDate(w.GetString()!)).ToArray())).ToArray(),
            y.TryGetProperty("provisional", out var p) && p.GetBoolean())).ToArray();
        return new WorkdayCalendar(root.GetProperty("version").GetString()!, years);
    }

    private static DateOnly ParseDate(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static bool IsWeekend(DateOnly d) => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>Whether the day's year has a published holiday arrangement (a provisional year has not).</summary>
    public bool IsPublished(DateOnly date) => _years.Contains(date.Year);

    public CalendarDay Describe(DateOnly date)
    {
        var provisional = !IsPublished(date);
        if (_special.TryGetValue(date, out var s))
        {
            return new CalendarDay(date, s.Kind, s.Name, provisional);
        }

        return new CalendarDay(date, IsWeekend(date) ? DayKind.Weekend : DayKind.Workday, null, provisional);
    }

    public bool IsWorkday(DateOnly date) => Describe(date).IsWorkday;

    /// <summary>Working days from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public int CountWorkdays(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            throw new ArgumentException($"{to:yyyy-MM-dd} is before {from:yyyy-MM-dd}.", nameof(to));
        }

        var count = 0;
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            if (IsWorkday(d))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// The <paramref name="days"/>-th working day after <paramref name="start"/>: counting begins
    /// the day after the start (《民法典》第二百零一条 by analogy, gip-rules §1.3).
    /// </summary>
    public DateOnly AddWorkdays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var d = start;
        for (var counted = 0; counted < days;)
        {
            d = d.AddDays(1);
            if (IsWorkday(d))
            {
                counted++;
            }
        }

        return d;
    }

    public static string WeekdayName(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "周一",
        DayOfWeek.Tuesday => "周二",
        DayOfWeek.Wednesday => "周三",
        DayOfWeek.Thursday => "周四",
        DayOfWeek.Friday => "周五",
        DayOfWeek.Saturday => "周六",
        DayOfWeek.Sunday => "周日",
        _ => throw new ArgumentOutOfRangeException(nameof(day)),
    };
}
