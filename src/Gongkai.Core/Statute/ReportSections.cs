namespace Gongkai.Core.Statute;

/// <summary>The six sections of the annual report (same titles in both editions, gip-rules §2.1).</summary>
public static class ReportSections
{
    public const string Overview = "一、总体情况";
    public const string Proactive = "二、主动公开政府信息情况";
    public const string Requests = "三、收到和处理政府信息公开申请情况";
    public const string Appeals = "四、政府信息公开行政复议、行政诉讼情况";
    public const string Problems = "五、存在的主要问题及改进情况";
    public const string Other = "六、其他需要报告的事项";

    public static IReadOnlyList<string> All { get; } = [Overview, Proactive, Requests, Appeals, Problems, Other];

    /// <summary>
    /// Per section 一–六, the heading wordings after the numeral as published reports write them: the
    /// official one first, then the variants seen in the wild (both editions). Readers match headings
    /// against these; add a wording here when a real report uses another.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> HeadingWordings { get; } =
    [
        ["总体情况", "概述", "基本情况"],
        ["主动公开政府信息情况", "主动公开政府信息的情况", "主动公开情况"],
        ["收到和处理政府信息公开申请情况", "收到和处理政府信息公开申请的情况", "依申请公开政府信息情况"],
        [
            "政府信息公开行政复议、行政诉讼情况",
            "因政府信息公开工作被申请行政复议、提起行政诉讼情况",
            "因政府信息公开申请提起行政复议、行政诉讼情况",
            "因政府信息公开申请行政复议、提起行政诉讼的情况",
            "因政府信息公开被申请行政复议、提起行政诉讼情况",
            "政府信息公开行政复议和行政诉讼情况",
        ],
        ["存在的主要问题及改进情况", "政府信息公开工作存在的主要问题及改进情况", "存在的主要问题和改进情况", "工作存在的主要问题及改进情况"],
        ["其他需要报告的事项", "其他需要报告事项"],
    ];

    /// <summary>The title of an annual report: 「{agency}{year}年政府信息公开工作年度报告」.</summary>
    public static string Title(string? agency, int year) =>
        $"{agency}{year.ToString(System.Globalization.CultureInfo.InvariantCulture)}年政府信息公开工作年度报告";
}
