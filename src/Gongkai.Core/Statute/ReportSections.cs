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

    /// <summary>The title of an annual report: 「{agency}{year}年政府信息公开工作年度报告」.</summary>
    public static string Title(string? agency, int year) =>
        $"{agency}{year.ToString(System.Globalization.CultureInfo.InvariantCulture)}年政府信息公开工作年度报告";
}
