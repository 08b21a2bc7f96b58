namespace Gongkai.Core.Statute;

/// <summary>A group of table 四: 行政复议, or one of the two kinds of 行政诉讼.</summary>
/// <param name="Key">The JSON key under <c>appeals</c>.</param>
/// <param name="Label">The group's header, e.g. 「未经复议直接起诉」.</param>
/// <param name="Parent">「行政诉讼」 for the litigation groups, null for 行政复议.</param>
public sealed record AppealGroup(int Index, string Key, string Label, string? Parent)
{
    public string DisplayName => Parent is null ? Label : $"{Parent}（{Label}）";
}

/// <summary>A result column inside each group of table 四.</summary>
public sealed record AppealColumn(int Index, string Key, string Label)
{
    public bool IsTotal => Key == "total";
}

/// <summary>Table 四 (政府信息公开行政复议、行政诉讼情况): 3 groups × 5 cells, the same in both editions.</summary>
public static class AppealTable
{
    public const string ReconsiderationHeader = "行政复议";
    public const string LitigationHeader = "行政诉讼";

    public static IReadOnlyList<AppealGroup> Groups { get; } =
    [
        new(0, "reconsideration", ReconsiderationHeader, null),
        new(1, "litigationDirect", "未经复议直接起诉", LitigationHeader),
        new(2, "litigationAfterReconsideration", "复议后起诉", LitigationHeader),
    ];

    public static IReadOnlyList<AppealColumn> Columns { get; } =
    [
        new(0, "upheld", "结果维持"),
        new(1, "corrected", "结果纠正"),
        new(2, "other", "其他结果"),
        new(3, "pending", "尚未审结"),
        new(4, "total", "总计"),
    ];

    public static AppealColumn Total => Columns[4];

    /// <summary>The result columns whose sum is 总计.</summary>
    public static IReadOnlyList<AppealColumn> Parts { get; } = Columns.Take(4).ToArray();

    /// <summary>15 cells in all.</summary>
    public static int CellCount => Groups.Count * Columns.Count;
}
