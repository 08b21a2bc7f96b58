using System.Globalization;

namespace Gongkai.Core.Fees;

/// <summary>One band of a progressive (超额累进) schedule: units <see cref="From"/>–<see cref="To"/> at a unit price.</summary>
/// <param name="To">Inclusive upper bound, or null for an open band.</param>
public sealed record FeeTier(int From, int? To, decimal UnitPrice);

/// <summary>One itemised line of a quote: how many units fell in a band and what they cost.</summary>
public sealed record FeeItem(FeeTier Tier, int Units, decimal Amount)
{
    public string Describe(string unit)
    {
        var band = Tier.To is { } to
            ? string.Create(CultureInfo.InvariantCulture, $"第{Tier.From}–{to}{unit}")
            : string.Create(CultureInfo.InvariantCulture, $"第{Tier.From}{unit}起");
        return string.Create(CultureInfo.InvariantCulture, $"{band}：{Units}{unit} × {Tier.UnitPrice:0.##}元 = {Amount:0.##}元");
    }
}

public enum FeeMethod
{
    /// <summary>按件计收 (第四条): per applicant per natural month.</summary>
    PerApplication,

    /// <summary>按量计收 (第五条): per application, by pages.</summary>
    PerPage,
}

/// <summary>An itemised fee.</summary>
public sealed record FeeQuote(FeeMethod Method, int Units, IReadOnlyList<FeeItem> Items)
{
    public decimal Total => Items.Sum(i => i.Amount);

    public string Unit => Method == FeeMethod.PerApplication ? "件" : "页";

    public string ToText()
    {
        var lines = Items.Select(i => "  " + i.Describe(Unit));
        return string.Join('\n', lines.Prepend(Method == FeeMethod.PerApplication
            ? "按件计收（国办函〔2020〕109号第四条）：同一申请人一个自然月内"
            : "按量计收（国办函〔2020〕109号第五条）：同一申请")) + "\n";
    }
}

/// <summary>
/// 《政府信息公开信息处理费管理办法》(国办函〔2020〕109号) fee schedules. Both are 超额累进: each
/// unit is priced by the band it falls in. An application is charged by one method only.
/// </summary>
public static class FeeSchedule
{
    /// <summary>按件计收 free allowance: ≤10 applications per applicant per natural month.</summary>
    public const int FreeApplicationsPerMonth = 10;

    /// <summary>按件计收: 11–30 at 100 元.</summary>
    public const int FirstPaidBandEnd = 30;

    /// <summary>按件计收: from the 31st, each further block of 10 costs 100 元 more per application.</summary>
    public const int BlockSize = 10;

    public const decimal BlockStep = 100m;

    /// <summary>按量计收 bands (第五条): pages 1–30 free, 31–100 at 10, 101–200 at 20, 201+ at 40 元/页.</summary>
    public static IReadOnlyList<FeeTier> PageTiers { get; } =
    [
        new(1, 30, 0m),
        new(31, 100, 10m),
        new(101, 200, 20m),
        new(201, null, 40m),
    ];

    /// <summary>The price of an applicant's <paramref name="nth"/> application in a natural month.</summary>
    public static decimal PricePerApplication(int nth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nth, 1);
        return ApplicationTier(nth).UnitPrice;
    }

    /// <summary>The band the <paramref name="nth"/> application falls in.</summary>
    public static FeeTier ApplicationTier(int nth)
    {
        if (nth <= FreeApplicationsPerMonth)
        {
            return new FeeTier(1, FreeApplicationsPerMonth, 0m);
        }

        if (nth <= FirstPaidBandEnd)
        {
            return new FeeTier(FreeApplicationsPerMonth + 1, FirstPaidBandEnd, BlockStep);
        }

        var block = (nth - FirstPaidBandEnd - 1) / BlockSize;
        var from = FirstPaidBandEnd + 1 + block * BlockSize;
        return new FeeTier(from, from + BlockSize - 1, BlockStep * (block + 2));
    }

    /// <summary>The total for <paramref name="count"/> applications by one applicant in one natural month, itemised by band.</summary>
    public static FeeQuote PerApplication(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var items = new List<FeeItem>();
        for (var n = 1; n <= count;)
        {
            var tier = ApplicationTier(n);
            var units = Math.Min(count, tier.To!.Value) - n + 1;
            items.Add(new FeeItem(tier, units, units * tier.UnitPrice));
            n += units;
        }

        return new FeeQuote(FeeMethod.PerApplication, count, items);
    }

    /// <summary>The fee for one application of <paramref name="pages"/> pages, itemised by band.</summary>
    public static FeeQuote PerPage(int pages)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pages);
        var items = new List<FeeItem>();
        foreach (var tier in PageTiers)
        {
            if (pages < tier.From)
            {
                break;
            }

            var units = Math.Min(pages, tier.To ?? int.MaxValue) - tier.From + 1;
            items.Add(new FeeItem(tier, units, units * tier.UnitPrice));
        }

        return new FeeQuote(FeeMethod.PerPage, pages, items);
    }
}
