using Gongkai.Core.Fees;

namespace Gongkai.Core.Tests.Fees;

public class FeeScheduleTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(10, 0)]
    [InlineData(11, 100)]
    [InlineData(30, 100)]
    [InlineData(31, 200)]
    [InlineData(40, 200)]
    [InlineData(41, 300)]
    [InlineData(50, 300)]
    [InlineData(51, 400)]
    public void PricePerApplication_AtEveryBoundary(int nth, int price) =>
        Assert.Equal(price, FeeSchedule.PricePerApplication(nth));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(10, 0)]
    [InlineData(11, 100)]
    [InlineData(30, 2000)]
    [InlineData(31, 2200)]
    [InlineData(35, 3000)] // gip-rules §3 worked example
    [InlineData(40, 4000)]
    [InlineData(41, 4300)]
    public void PerApplicationTotal_AtEveryBoundary(int count, int total) =>
        Assert.Equal(total, FeeSchedule.PerApplication(count).Total);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(30, 0)]
    [InlineData(31, 10)]
    [InlineData(100, 700)]
    [InlineData(101, 720)]
    [InlineData(200, 2700)]
    [InlineData(201, 2740)]
    [InlineData(250, 4700)] // gip-rules §3 worked example
    public void PerPage_AtEveryBoundary(int pages, int total) =>
        Assert.Equal(total, FeeSchedule.PerPage(pages).Total);

    [Fact]
    public void PerApplicationTotal_IsTheSumOfEachApplicationsPrice()
    {
        for (var count = 0; count <= 120; count++)
        {
            var expected = Enumerable.Range(1, count).Sum(FeeSchedule.PricePerApplication);
            Assert.Equal(expected, FeeSchedule.PerApplication(count).Total);
            Assert.Equal(count, FeeSchedule.PerApplication(count).Items.Sum(i => i.Units));
        }
    }

    [Fact]
    public void Quote_IsItemisedByTier()
    {
        var quote = FeeSchedule.PerPage(250);
        Assert.Equal([30, 70, 100, 50], quote.Items.Select(i => i.Units));
        Assert.Contains("第201页起：50页 × 40元 = 2000元", quote.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void NegativeInput_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FeeSchedule.PerPage(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => FeeSchedule.PricePerApplication(0));
    }
}
