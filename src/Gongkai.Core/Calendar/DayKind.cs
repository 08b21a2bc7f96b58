namespace Gongkai.Core.Calendar;

/// <summary>What a calendar day is for counting working days.</summary>
public enum DayKind
{
    /// <summary>Monday–Friday, no holiday.</summary>
    Workday,

    /// <summary>Saturday or Sunday, no 调休.</summary>
    Weekend,

    /// <summary>A 放假 day of a public holiday (法定节假日 with its adjoining days off).</summary>
    Holiday,

    /// <summary>A weekend day made a working day by 调休 (调休上班).</summary>
    MakeupWorkday,
}

/// <summary>One day as the calendar sees it.</summary>
/// <param name="Holiday">The holiday's name for <see cref="DayKind.Holiday"/> and <see cref="DayKind.MakeupWorkday"/>.</param>
/// <param name="Provisional">The day lies outside the published years: counted Monday–Friday and the statutory holiday dates only (暂定).</param>
public sealed record CalendarDay(DateOnly Date, DayKind Kind, string? Holiday, bool Provisional)
{
    public bool IsWorkday => Kind is DayKind.Workday or DayKind.MakeupWorkday;

    /// <summary>Why a provisional day is provisional, in zh-CN; null for a day of a published year.</summary>
    public string? ProvisionalNote => !Provisional ? null
        : Kind == DayKind.Holiday ? "暂定：当年放假安排尚未公布，按《全国年节及纪念日放假办法》的法定节日日期预置；补假和调休上班日未知"
        : "暂定：当年放假安排尚未公布，按周一至周五及法定节日日期推定；补假和调休上班日未知";

    /// <summary>Why the day counts or not, in zh-CN, e.g. 「国庆节放假」「周六，国庆节调休上班」「周日」.</summary>
    public string Reason => Kind switch
    {
        DayKind.Workday => "工作日",
        DayKind.Weekend => WorkdayCalendar.WeekdayName(Date.DayOfWeek),
        DayKind.Holiday => $"{Holiday}放假",
        DayKind.MakeupWorkday => $"{WorkdayCalendar.WeekdayName(Date.DayOfWeek)}，{Holiday}调休上班",
    };
}
