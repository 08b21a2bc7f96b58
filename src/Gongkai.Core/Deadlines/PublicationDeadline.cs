using Gongkai.Core.Calendar;

namespace Gongkai.Core.Deadlines;

/// <summary>条例 第二十六条: proactive information is published within 20 working days of its formation or change.</summary>
public static class PublicationDeadline
{
    public const int Workdays = 20;

    public static ComputedDate Compute(DateOnly formedOn, WorkdayCalendar? calendar = null) =>
        WorkdayPeriod.Compute(calendar ?? WorkdayCalendar.Default, "主动公开期限",
            "主动公开期限：自该政府信息形成或者变更之日起20个工作日内予以公开（条例第二十六条）",
            formedOn, "政府信息形成或者变更", Workdays);
}
