using System.Globalization;
using Gongkai.Core.Calendar;

namespace Gongkai.Core.Deadlines;

/// <summary>Days on which a period does not run (both ends included), with why.</summary>
public sealed record Pause(DateOnly From, DateOnly To, string Reason);

/// <summary>
/// Counts a period of working days: counting starts the day after the start date (《民法典》
/// 第二百零一条 by analogy; gip-rules §1.3), the due date is the N-th working day, and days inside a
/// <see cref="Pause"/> are not counted.
/// </summary>
public static class WorkdayPeriod
{
    /// <summary>The counting convention, cited once.</summary>
    public const string CountingRule = "期间自起算日的次日开始计算，按工作日计（《民法典》第二百零一条类推）；节假日放假日与周末不计，调休上班日计入";

    public static ComputedDate Compute(
        WorkdayCalendar calendar,
        string name,
        string rule,
        DateOnly start,
        string startReason,
        int days,
        IReadOnlyList<Pause>? pauses = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        pauses ??= [];
        var explanation = new Explanation(rule);
        explanation.Add($"起算：{Explanation.Day(start)}，{startReason}");
        explanation.Add(CountingRule);
        foreach (var pause in pauses)
        {
            explanation.Add($"暂停：{Explanation.Span(pause.From, pause.To)}，{pause.Reason}，不计入期间");
        }

        var provisional = !calendar.IsPublished(start);
        var d = start;
        var counted = 0;
        var skipped = new List<CalendarDay>();
        while (counted < days)
        {
            d = d.AddDays(1);
            if (pauses.Any(p => d >= p.From && d <= p.To))
            {
                continue;
            }

            var day = calendar.Describe(d);
            provisional |= day.Provisional;
            if (day.IsWorkday)
            {
                counted++;
                if (day.Kind == DayKind.MakeupWorkday)
                {
                    explanation.Add($"计入：{Explanation.Day(d)}，{day.Holiday}调休上班（第{counted.ToString(CultureInfo.InvariantCulture)}个工作日）");
                }
            }
            else
            {
                skipped.Add(day);
                if (NextIsDifferentRun(calendar, d, day))
                {
                    Flush(explanation, skipped);
                }
            }
        }

        Flush(explanation, skipped);
        explanation.Add(days == 0
            ? $"期限为 0 个工作日：即 {Explanation.Day(start)}"
            : $"第{days.ToString(CultureInfo.InvariantCulture)}个工作日：{Explanation.Day(d)}");
        return new ComputedDate(name, d, provisional, explanation, calendar.Version);
    }

    private static bool NextIsDifferentRun(WorkdayCalendar calendar, DateOnly date, CalendarDay day)
    {
        var next = calendar.Describe(date.AddDays(1));
        return next.IsWorkday || next.Kind != day.Kind || next.Holiday != day.Holiday;
    }

    /// <summary>Writes one line for a run of consecutive skipped days of the same kind.</summary>
    private static void Flush(Explanation explanation, List<CalendarDay> run)
    {
        if (run.Count == 0)
        {
            return;
        }

        var first = run[0];
        var why = first.Kind == DayKind.Holiday ? $"{first.Holiday}放假" : "周末";
        explanation.Add($"不计：{Explanation.Span(first.Date, run[^1].Date)}，{why}");
        run.Clear();
    }
}
