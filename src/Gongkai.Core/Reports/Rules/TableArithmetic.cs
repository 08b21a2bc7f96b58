namespace Gongkai.Core.Reports.Rules;

/// <summary>
/// The arithmetic of the report's tables, once: the checker reports where it fails and the readers
/// use it to choose among the readings of glued or extra cells. Every rule is evaluated only when
/// all its cells are known; a blank cell is reported by itself, never guessed to make a sum hold.
/// </summary>
public static class TableArithmetic
{
    /// <summary>The sum of a count row's parts (all cells but the last, its total), or null if any part is blank.</summary>
    public static long? PartsSum(IReadOnlyList<decimal?> cells)
    {
        long sum = 0;
        for (var i = 0; i < cells.Count - 1; i++)
        {
            if (cells[i] is not { } v)
            {
                return null;
            }

            sum += (long)v;
        }

        return sum;
    }

    /// <summary>Whether a count row's total equals its parts; false when any cell is blank (nothing can be checked).</summary>
    public static bool TotalHoldsAndIsComplete(IReadOnlyList<decimal?> cells) =>
        cells.Count > 0 && cells[^1] is { } total && PartsSum(cells) is { } sum && sum == total;

    /// <summary>Table 三 （七）总计 = Σ outcome rows, for one column; null when a cell is blank.</summary>
    public static bool? OutcomesHold(decimal? total, IEnumerable<decimal?> outcomes)
    {
        if (total is not { } t)
        {
            return null;
        }

        long sum = 0;
        foreach (var o in outcomes)
        {
            if (o is not { } v)
            {
                return null;
            }

            sum += (long)v;
        }

        return sum == t;
    }

    /// <summary>Table 三 一 + 二 = 三（七） + 四, for one column; null when a cell is blank.</summary>
    public static bool? BalanceHolds(decimal? received, decimal? carriedOver, decimal? total, decimal? carriedForward) =>
        received is { } a && carriedOver is { } b && total is { } t && carriedForward is { } f ? a + b == t + f : null;
}
