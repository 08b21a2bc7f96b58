using Gongkai.Core.Calendar;

namespace Gongkai.Core.Tests.Calendar;

public class WorkdayCalendarTests
{
    private static readonly WorkdayCalendar _cal = WorkdayCalendar.Default;

    public static TheoryData<int> Years => new(ReferenceHolidays.All.Select(y => y.Number));

    [Fact]
    public void Reference_CoversEveryPublishedYear()
    {
        Assert.Equal(Enumerable.Range(2019, 8), ReferenceHolidays.All.Select(y => y.Number));
        Assert.Equal(2019, _cal.FirstPublishedYear);
        Assert.Equal(2026, _cal.LastPublishedYear);
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void EveryListedDay_HasTheRightStatus(int year)
    {
        var reference = ReferenceHolidays.All.Single(y => y.Number == year);
        Assert.NotEmpty(reference.NonWorkingWeekdays);
        foreach (var d in reference.NonWorkingWeekdays)
        {
            Assert.True(d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), $"{d} is listed as a weekday");
            Assert.Equal(DayKind.Holiday, _cal.Describe(d).Kind);
        }

        foreach (var d in reference.WeekendWorkdays)
        {
            Assert.Equal(DayKind.MakeupWorkday, _cal.Describe(d).Kind);
        }
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void NoOtherDayIsSpecial_AndTheYearsWorkdayCountMatches(int year)
    {
        var reference = ReferenceHolidays.All.Single(y => y.Number == year);
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var holidays = new HashSet<DateOnly>(ReferenceHolidays.All.SelectMany(y => y.NonWorkingWeekdays));
        var makeups = new HashSet<DateOnly>(ReferenceHolidays.All.SelectMany(y => y.WeekendWorkdays));
        var expected = 0;
        for (var d = first; d <= last; d = d.AddDays(1))
        {
            var weekend = d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            var works = weekend ? makeups.Contains(d) : !holidays.Contains(d);
            Assert.True(works == _cal.IsWorkday(d), $"{d:yyyy-MM-dd}: reference says {(works ? "working" : "non-working")}");
            expected += works ? 1 : 0;
        }

        Assert.Equal(expected, _cal.CountWorkdays(first, last));
    }

    [Theory]
    [InlineData(2019, 250)]
    [InlineData(2020, 249)]
    [InlineData(2024, 251)]
    [InlineData(2025, 248)]
    public void WorkdaysPerYear_KnownTotals(int year, int workdays) =>
        Assert.Equal(workdays, _cal.CountWorkdays(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)));

    [Fact]
    public void Spring2020_ExtensionMadeFeb1ANonWorkingDay()
    {
        Assert.False(_cal.IsWorkday(new DateOnly(2020, 2, 1)));
        Assert.False(_cal.IsWorkday(new DateOnly(2020, 1, 31)));
        Assert.True(_cal.IsWorkday(new DateOnly(2020, 2, 3)));
        Assert.True(_cal.IsWorkday(new DateOnly(2020, 1, 19)));
    }

    [Fact]
    public void BeyondPublishedYears_IsMondayToFridayAndProvisional()
    {
        var day = _cal.Describe(new DateOnly(2027, 1, 4)); // a Monday of a year whose notice is not out
        Assert.True(day.IsWorkday);
        Assert.True(day.Provisional);
        Assert.Contains("暂定", day.ProvisionalNote, StringComparison.Ordinal);
        Assert.False(_cal.Describe(new DateOnly(2026, 12, 31)).Provisional);
        Assert.Null(_cal.Describe(new DateOnly(2026, 12, 31)).ProvisionalNote);
        Assert.False(_cal.IsWorkday(new DateOnly(2027, 1, 2)));
        Assert.Equal(2026, _cal.LastPublishedYear);
    }

    /// <summary>《全国年节及纪念日放假办法》第二条 (2024 修订): the statutory days are known before the notice; 补假 and 调休 are not.</summary>
    [Theory]
    [InlineData("2027-01-01", "元旦")]
    [InlineData("2027-02-05", "春节")] // 除夕
    [InlineData("2027-02-08", "春节")] // 初三
    [InlineData("2027-04-05", "清明节")]
    [InlineData("2027-05-02", "劳动节")]
    [InlineData("2027-06-09", "端午节")]
    [InlineData("2027-09-15", "中秋节")]
    [InlineData("2027-10-03", "国庆节")]
    [InlineData("2028-10-03", "国庆节、中秋节")] // 中秋 falls on 10-03 in 2028
    [InlineData("2029-02-12", "春节")]
    [InlineData("2030-02-05", "春节")]
    public void StatutoryHolidays_AfterThePublishedYears_ArePremarkedAsProvisional(string date, string holiday)
    {
        var day = _cal.Describe(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DayKind.Holiday, day.Kind);
        Assert.Equal(holiday, day.Holiday);
        Assert.True(day.Provisional);
        Assert.Contains("补假和调休上班日未知", day.ProvisionalNote, StringComparison.Ordinal);
    }

    [Fact]
    public void ProvisionalYears_HaveExactlyTheStatutoryDayCount()
    {
        // 13 days a year: 元旦 1, 春节 4, 清明 1, 劳动 2, 端午 1, 中秋 1, 国庆 3 — 12 in 2028, where 中秋 falls inside 国庆.
        foreach (var year in _cal.Years.Where(y => y.Provisional))
        {
            var days = year.Holidays.Sum(h => h.To.DayNumber - h.From.DayNumber + 1);
            Assert.Equal(year.Year == 2028 ? 12 : 13, days);
            Assert.All(year.Holidays, h => Assert.Empty(h.Workdays));
        }

        Assert.Equal([2027, 2028, 2029, 2030], _cal.Years.Where(y => y.Provisional).Select(y => y.Year));
    }

    [Fact]
    public void Reasons_AreReadable()
    {
        Assert.Equal("国庆节放假", _cal.Describe(new DateOnly(2024, 10, 3)).Reason);
        Assert.Equal("周日，国庆节调休上班", _cal.Describe(new DateOnly(2024, 9, 29)).Reason);
        Assert.Equal("周六", _cal.Describe(new DateOnly(2024, 10, 19)).Reason);
    }

    [Fact]
    public void EveryYear_CitesItsNotice() =>
        Assert.All(_cal.Years.Where(y => !y.Provisional), y =>
        {
            Assert.Contains("国务院办公厅", y.Notice, StringComparison.Ordinal);
            Assert.StartsWith("https://www.gov.cn/", y.Url, StringComparison.Ordinal);
        });

    [Theory]
    [InlineData(2019, "国办发明电〔2018〕15号", "国办发明电〔2019〕3号")]
    [InlineData(2020, "国办发明电〔2019〕16号", "国办发明电〔2020〕1号")]
    [InlineData(2021, "国办发明电〔2020〕27号", null)]
    [InlineData(2022, "国办发明电〔2021〕11号", null)]
    [InlineData(2024, "国办发明电〔2023〕7号", null)]
    [InlineData(2025, "国办发明电〔2024〕12号", null)]
    public void ConfirmedNoticeNumbers_AreRecorded(int year, string notice, string? amendment)
    {
        var text = _cal.Years.Single(y => y.Year == year).Notice;
        Assert.Contains(notice, text, StringComparison.Ordinal);
        if (amendment is not null)
        {
            Assert.Contains(amendment, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheSaturdayBefore2019_IsAMakeupWorkdayOfThe2019Notice()
    {
        var day = _cal.Describe(new DateOnly(2018, 12, 29));
        Assert.Equal(DayKind.MakeupWorkday, day.Kind);
        Assert.Equal("元旦", day.Holiday);
        Assert.True(day.IsWorkday);
    }

    [Fact]
    public void ACorrectedDataFile_IsANewCalendarVersion()
    {
        const string json = """
            {"format":"gongkai.workday-calendar/1","version":"test-1","source":"t","years":[
              {"year":2027,"notice":"n","url":"u","holidays":[{"name":"元旦","from":"2027-01-01","to":"2027-01-03","workdays":[]}]}]}
            """;
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        var cal = WorkdayCalendar.Load(stream);
        Assert.Equal("test-1", cal.Version);
        Assert.False(cal.IsWorkday(new DateOnly(2027, 1, 1)));
        Assert.False(cal.Describe(new DateOnly(2027, 1, 1)).Provisional);
        Assert.False(_cal.IsWorkday(new DateOnly(2027, 1, 1)));
        Assert.True(_cal.Describe(new DateOnly(2027, 1, 1)).Provisional);
    }

    [Fact]
    public void MakeupDayOnAWeekday_IsRefusedAsBadData()
    {
        var years = new[] { new HolidayYear(2030, "n", "u", [new HolidayPeriod("x", new DateOnly(2030, 1, 1), new DateOnly(2030, 1, 1), [new DateOnly(2030, 1, 2)])]) };
        Assert.Throws<ArgumentException>(() => new WorkdayCalendar("v", years));
    }

    [Fact]
    public void Property_AddThenCountBack_GivesN_AndNeverLandsOnANonWorkingDay()
    {
        var random = new Random(42);
        for (var i = 0; i < 2000; i++)
        {
            var start = new DateOnly(2018, 12, 1).AddDays(random.Next(0, 365 * 8 + 60));
            var n = random.Next(1, 60);
            var due = _cal.AddWorkdays(start, n);
            Assert.True(_cal.IsWorkday(due), $"{start} + {n} = {due}");
            Assert.Equal(n, _cal.CountWorkdays(start.AddDays(1), due));
        }
    }
}
