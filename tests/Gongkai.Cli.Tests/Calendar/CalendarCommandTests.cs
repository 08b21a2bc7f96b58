namespace Gongkai.Cli.Tests.Calendar;

public class CalendarCommandTests
{
    [Fact]
    public void Add_PrintsTheDueDateFirstThenTheExplanation()
    {
        var result = CliRunner.Run("calendar", "add", "--from", "2024-09-27", "--days", "20");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("2024-10-30", result.FirstLine);
        Assert.Contains("国庆节放假", result.Out, StringComparison.Ordinal);
        Assert.Contains("2024-09-29（周日），国庆节调休上班", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Workdays_CountsBothEnds()
    {
        Assert.Equal("1", CliRunner.Run("calendar", "workdays", "--from", "2024-09-30", "--to", "2024-09-30").FirstLine);
        Assert.Equal("251", CliRunner.Run("calendar", "workdays", "--from", "2024-01-01", "--to", "2024-12-31").FirstLine);
        Assert.Equal("0", CliRunner.Run("calendar", "workdays", "--from", "2024-10-01", "--to", "2024-10-07").FirstLine);
    }

    [Theory]
    [InlineData("2024-10-12", "true")]
    [InlineData("2024-10-01", "false")]
    [InlineData("2024-10-19", "false")]
    [InlineData("2024-10-18", "true")]
    public void IsWorkday_PrintsTrueOrFalse(string date, string answer)
    {
        var result = CliRunner.Run("calendar", "is-workday", date);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(answer, result.FirstLine);
    }

    [Fact]
    public void IsWorkday_InAYearWithoutANotice_IsFalseOnAStatutoryHoliday_AndSaysProvisional()
    {
        var result = CliRunner.Run("calendar", "is-workday", "2027-01-01");
        Assert.Equal("false", result.FirstLine);
        Assert.Contains("元旦放假", result.Out, StringComparison.Ordinal);
        Assert.Contains("暂定", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Deadline_WithFeePaid_PausesTheAnswerPeriodUntilPayment()
    {
        var result = CliRunner.Run("calendar", "deadline", "--received", "2025-03-03", "--fee-notice-received", "2025-03-28", "--fee-paid", "2025-04-20");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("2025-04-22", result.FirstLine);
        Assert.Contains("暂停：2025-03-28（周五） 至 2025-04-20（周日）", result.Out, StringComparison.Ordinal);
        Assert.Contains("收费通知发出之日至收到申请人缴费之日不计算在答复期限内", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Deadline_WithCorrectionAndConsultation()
    {
        var result = CliRunner.Run("calendar", "deadline", "--received", "2024-03-01",
            "--correction-requested", "2024-03-05", "--correction-received", "2024-03-20");
        Assert.Equal("2024-04-18", result.FirstLine);
        var paused = CliRunner.Run("calendar", "deadline", "--received", "2024-03-01", "--correction-requested", "2024-03-05");
        Assert.StartsWith("暂停", paused.FirstLine, StringComparison.Ordinal);
        var consulted = CliRunner.Run("calendar", "deadline", "--received", "2024-06-03", "--consultation", "2024-06-12:2024-06-18");
        Assert.Equal("2024-07-09", consulted.FirstLine);
    }

    [Fact]
    public void Deadline_IllegalExtension_IsOneLineExit2()
    {
        var result = CliRunner.Run("calendar", "deadline", "--received", "2024-09-27", "--extension", "25");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("最长 20 个工作日", result.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("calendar", "add", "--from", "2024-13-01", "--days", "3")]
    [InlineData("calendar", "add", "--from", "2024/10/01", "--days", "3")]
    [InlineData("calendar", "add", "--from", "2024-10-01", "--days", "-3")]
    [InlineData("calendar", "add", "--from", "2024-10-01", "--days", "x")]
    [InlineData("calendar", "is-workday", "tomorrow")]
    [InlineData("calendar", "workdays", "--from", "2024-10-08", "--to", "2024-10-01")]
    public void BadInput_IsOneClearLineAndExit2(params string[] args)
    {
        var result = CliRunner.Run(args);
        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("", result.Out);
    }
}
