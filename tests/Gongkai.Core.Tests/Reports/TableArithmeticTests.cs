using Gongkai.Core.Reports.Rules;

namespace Gongkai.Core.Tests.Reports;

public class TableArithmeticTests
{
    [Fact]
    public void ARowTotal_IsCheckedOnlyWhenEveryCellIsKnown()
    {
        Assert.True(TableArithmetic.TotalHoldsAndIsComplete([64m, 0m, 0m, 2m, 0m, 4m, 70m]));
        Assert.False(TableArithmetic.TotalHoldsAndIsComplete([64m, 0m, 0m, 2m, 0m, 4m, 71m]));
        Assert.False(TableArithmetic.TotalHoldsAndIsComplete([64m, null, 0m, 2m, 0m, 4m, 70m])); // unverifiable, so not accepted
        Assert.Null(TableArithmetic.PartsSum([1m, null, 3m]));
        Assert.Equal(3, TableArithmetic.PartsSum([1m, 2m, 99m]));
    }

    [Fact]
    public void ColumnRules_AreUnknownWithABlank()
    {
        Assert.True(TableArithmetic.OutcomesHold(5m, [2m, 3m]));
        Assert.False(TableArithmetic.OutcomesHold(6m, [2m, 3m]));
        Assert.Null(TableArithmetic.OutcomesHold(5m, [2m, null]));
        Assert.True(TableArithmetic.BalanceHolds(10m, 2m, 11m, 1m));
        Assert.False(TableArithmetic.BalanceHolds(10m, 2m, 11m, 2m));
        Assert.Null(TableArithmetic.BalanceHolds(10m, null, 11m, 1m));
    }
}
