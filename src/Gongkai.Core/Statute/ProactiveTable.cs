namespace Gongkai.Core.Statute;

/// <summary>How a cell of table 二 is counted.</summary>
public enum CellKind
{
    /// <summary>A non-negative whole number.</summary>
    Count,

    /// <summary>A whole number that may be negative (2019: 本年增/减).</summary>
    SignedCount,

    /// <summary>A non-negative decimal amount, written as a string in JSON (万元).</summary>
    Amount,
}

/// <summary>A column of a table-二 block.</summary>
public sealed record ProactiveColumn(string Key, string Label, CellKind Kind);

/// <summary>A row of table 二: one kind of information, with the block's columns.</summary>
/// <param name="Key">The JSON key under <c>proactive</c>.</param>
public sealed record ProactiveRow(string Key, string Label, ProactiveBlock Block)
{
    public IReadOnlyList<ProactiveColumn> Columns => Block.Columns;
}

/// <summary>A block of table 二, headed by the item of 第二十条 it reports on.</summary>
public sealed class ProactiveBlock(string title, IReadOnlyList<ProactiveColumn> columns, IReadOnlyList<(string Key, string Label)> rows)
{
    /// <summary>e.g. 「第二十条第（一）项」.</summary>
    public string Title { get; } = title;

    public IReadOnlyList<ProactiveColumn> Columns { get; } = columns;

    public IReadOnlyList<ProactiveRow> Rows => _rows ??= rows.Select(r => new ProactiveRow(r.Key, r.Label, this)).ToArray();

    private ProactiveRow[]? _rows;
}

/// <summary>Table 二 (主动公开政府信息情况) of both editions (gip-rules §2.2).</summary>
public static class ProactiveTable
{
    public const string ContentHeader = "信息内容";

    private static readonly ProactiveColumn[] _decisions2021 = [new("decisions", "本年处理决定数量", CellKind.Count)];
    private static readonly ProactiveColumn[] _projects2019 =
    [
        new("previous", "上一年项目数量", CellKind.Count),
        new("change", "本年增/减", CellKind.SignedCount),
        new("decisions", "处理决定数量", CellKind.Count),
    ];

    private static readonly ProactiveBlock[] _blocks2021 =
    [
        new("第二十条第（一）项",
            [new("issued", "本年制发件数", CellKind.Count), new("repealed", "本年废止件数", CellKind.Count), new("inForce", "现行有效件数", CellKind.Count)],
            [("rules", "规章"), ("normativeDocuments", "行政规范性文件")]),
        new("第二十条第（五）项", _decisions2021, [("licensing", "行政许可")]),
        new("第二十条第（六）项", _decisions2021, [("penalties", "行政处罚"), ("enforcement", "行政强制")]),
        new("第二十条第（八）项", [new("amount", "本年收费金额（单位：万元）", CellKind.Amount)], [("fees", "行政事业性收费")]),
    ];

    private static readonly ProactiveBlock[] _blocks2019 =
    [
        new("第二十条第（一）项",
            [new("made", "本年新制作数量", CellKind.Count), new("published", "本年新公开数量", CellKind.Count), new("total", "对外公开总数量", CellKind.Count)],
            [("rules", "规章"), ("normativeDocuments", "规范性文件")]),
        new("第二十条第（五）项", _projects2019, [("licensing", "行政许可"), ("otherServices", "其他对外管理服务事项")]),
        new("第二十条第（六）项", _projects2019, [("penalties", "行政处罚"), ("enforcement", "行政强制")]),
        new("第二十条第（八）项",
            [new("previous", "上一年项目数量", CellKind.Count), new("change", "本年增/减", CellKind.SignedCount)],
            [("fees", "行政事业性收费")]),
        new("第二十条第（九）项",
            [new("projects", "采购项目数量", CellKind.Count), new("amount", "采购总金额", CellKind.Amount)],
            [("procurement", "政府集中采购")]),
    ];

    /// <summary>The blocks of table 二 in table order.</summary>
    public static IReadOnlyList<ProactiveBlock> Blocks(Edition edition) => edition switch
    {
        Edition.V2019 => _blocks2019,
        Edition.V2021 => _blocks2021,
    };

    /// <summary>All rows of table 二 in table order.</summary>
    public static IReadOnlyList<ProactiveRow> Rows(Edition edition) => edition switch
    {
        Edition.V2019 => _rows2019,
        Edition.V2021 => _rows2021,
    };

    private static readonly ProactiveRow[] _rows2019 = _blocks2019.SelectMany(b => b.Rows).ToArray();
    private static readonly ProactiveRow[] _rows2021 = _blocks2021.SelectMany(b => b.Rows).ToArray();

    /// <summary>The widest block's column count (the table's data-column span).</summary>
    public static int DataColumnSpan(Edition edition) => Blocks(edition).Max(b => b.Columns.Count);
}
