using Gongkai.Core.Calendar;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Testing;

/// <summary>
/// Fake clocks pinned to a day in China, so every test says the same on any date it runs.
/// <see cref="Default"/> is the suite's "today" unless a test pins its own.
/// </summary>
public static class TestClock
{
    /// <summary>The suite's usual today: a working Monday in the middle of a year, 10:00 in China.</summary>
    public static readonly DateOnly DefaultDay = new(2026, 11, 2);

    /// <summary>The fixed dates the end-to-end workflows also run at: year end, 春节 week, a leap day.</summary>
    public static readonly DateOnly[] WorkflowDays =
    [
        new(2026, 11, 2),
        new(2026, 12, 31),
        new(2027, 1, 1),
        new(2026, 2, 17),  // 春节 (初一) 2026
        new(2028, 2, 29),
    ];

    /// <summary>A new fake clock at 10:00 China time on <paramref name="day"/>.</summary>
    public static FakeTimeProvider At(DateOnly day, int hour = 10) =>
        new(new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), ChinaClock.Offset));

    /// <summary>A new fake clock on <see cref="DefaultDay"/>.</summary>
    public static FakeTimeProvider Default() => At(DefaultDay);

    /// <summary>Moves a fake clock to 10:00 China time on <paramref name="day"/> (forward only, as time goes).</summary>
    public static void MoveTo(this FakeTimeProvider clock, DateOnly day, int hour = 10) =>
        clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), ChinaClock.Offset));
}
