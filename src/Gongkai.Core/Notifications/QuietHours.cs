using Gongkai.Core.Calendar;

namespace Gongkai.Core.Notifications;

/// <summary>
/// When staff may be sent reminders: on working days (the statutory calendar decides, 调休 included)
/// from 08:00 to 20:00 China time. Applicants' messages about their own case are not held back.
/// </summary>
public static class QuietHours
{
    public static readonly TimeOnly From = new(8, 0);

    public static readonly TimeOnly Until = new(20, 0);

    public static bool MaySendReminders(DateTimeOffset chinaNow, WorkdayCalendar calendar)
    {
        var time = TimeOnly.FromDateTime(chinaNow.DateTime);
        return time >= From && time < Until && calendar.IsWorkday(DateOnly.FromDateTime(chinaNow.DateTime));
    }
}
