namespace Gongkai.Cli.Tests.Fees;

public class FeeCommandTests
{
    [Theory]
    [InlineData("--nth", "10", "0")]
    [InlineData("--nth", "11", "100")]
    [InlineData("--nth", "31", "200")]
    [InlineData("--nth", "41", "300")]
    [InlineData("--count", "35", "3000")]
    public void PerApplication_FirstLineIsTheAmount(string option, string value, string amount)
    {
        var result = CliRunner.Run("fee", "per-application", option, value);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(amount, result.FirstLine);
    }

    [Fact]
    public void PerPage_ItemisesTheTiers()
    {
        var result = CliRunner.Run("fee", "per-page", "--pages", "250");
        Assert.Equal("4700", result.FirstLine);
        Assert.Contains("第31–100页：70页 × 10元 = 700元", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fee", "per-page", "--pages", "-1")]
    [InlineData("fee", "per-application", "--count", "-2")]
    [InlineData("fee", "per-application", "--nth", "0")]
    [InlineData("fee", "per-application")]
    public void BadCounts_Exit2(params string[] args) => Assert.Equal(2, CliRunner.Run(args).ExitCode);
}
