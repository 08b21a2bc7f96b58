namespace Gongkai.Core.Calendar;

/// <summary>
/// The one clock. Every "now" and "today" in Gongkai comes from an injected <see cref="TimeProvider"/>;
/// this class turns it into China's date (the 条例's deadlines count calendar days in China) and holds
/// the only reference to the real clock, <see cref="Real"/>, which the web host and the CLI register
/// at start. Tests pass a fake provider, so the suite says the same on any day it runs.
/// </summary>
public static class ChinaClock
{
    /// <summary>China Standard Time, UTC+8 all year (no daylight saving since 1991).</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The wall clock. Only the composition roots (web <c>Program</c>, CLI <c>Program</c>) use it.</summary>
    public static TimeProvider Real => TimeProvider.System;

    /// <summary>The current instant in China.</summary>
    public static DateTimeOffset NowInChina(this TimeProvider clock) => clock.GetUtcNow().ToOffset(Offset);

    /// <summary>Today's calendar date in China.</summary>
    public static DateOnly TodayInChina(this TimeProvider clock) => DateOnly.FromDateTime(clock.NowInChina().DateTime);

    /// <summary>The current instant as a UTC <see cref="DateTime"/> (how the database stores instants).</summary>
    public static DateTime UtcNow(this TimeProvider clock) => clock.GetUtcNow().UtcDateTime;

    /// <summary>A stored UTC instant as China's local time, for display.</summary>
    public static DateTime InChina(this DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Unspecified) + Offset;

    /// <summary>The UTC instant at which a date begins in China (00:00 China time), to bound stored instants by China's dates.</summary>
    public static DateTime StartOfDayUtc(DateOnly day) => DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue) - Offset, DateTimeKind.Utc);
}
