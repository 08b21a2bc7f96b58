namespace Gongkai.Core.Statute;

/// <summary>What a row of table 三 stands for in the table's arithmetic.</summary>
public enum RequestRowKind
{
    /// <summary>一、本年新收政府信息公开申请数量</summary>
    Received,

    /// <summary>二、上年结转政府信息公开申请数量</summary>
    CarriedOver,

    /// <summary>An outcome row under 三、本年度办理结果.</summary>
    Outcome,

    /// <summary>（七）总计</summary>
    Total,

    /// <summary>四、结转下年度继续办理</summary>
    CarriedForward,
}

/// <summary>One data row of table 三.</summary>
/// <param name="Key">JSON path under <c>requests</c>, e.g. <c>withheld.stateSecret</c>.</param>
/// <param name="Label">The row's own label as printed, e.g. 「1.属于国家秘密」.</param>
/// <param name="Group">The group label it sits under, e.g. 「（三）不予公开」, or null.</param>
/// <param name="LegalBasis">The 条例 article(s) behind the outcome (a reading, gip-rules §2.3).</param>
/// <param name="Outcomes">The outcomes counted in this row (one, or three for the 2019 （六）).</param>
public sealed record RequestRow(
    string Key,
    string Label,
    RequestRowKind Kind,
    string? Group,
    string? LegalBasis,
    IReadOnlyList<Outcome> Outcomes)
{
    /// <summary>The row named in the report's own words, e.g. 「（三）不予公开 1.属于国家秘密」.</summary>
    public string DisplayName => Kind switch
    {
        RequestRowKind.Outcome or RequestRowKind.Total => Group is null ? Label : $"{Group} {Label}",
        _ => Label,
    };

    /// <summary>The row's full name including 「三、本年度办理结果」 for outcome rows.</summary>
    public string FullName => Kind is RequestRowKind.Outcome or RequestRowKind.Total
        ? $"{RequestTable.ResultsHeader}{DisplayName}"
        : DisplayName;
}
