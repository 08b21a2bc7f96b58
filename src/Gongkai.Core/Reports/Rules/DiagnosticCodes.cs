namespace Gongkai.Core.Reports.Rules;

/// <summary>
/// The stable diagnostic codes (DESIGN §5) with their default severity and meaning. These strings
/// are a public contract: CLI output, the API and stored review results use them.
/// </summary>
public static class DiagnosticCodes
{
    public const string MissingSection = "missing-section";
    public const string MissingTable = "missing-table";
    public const string MissingRow = "missing-row";
    public const string BlankCell = "blank-cell";
    public const string UnreadableCell = "unreadable-cell";
    public const string RowTotal = "row-total";
    public const string OutcomeTotal = "outcome-total";
    public const string Balance = "balance";
    public const string AppealTotal = "appeal-total";
    public const string Negative = "negative";
    public const string EditionMismatch = "edition-mismatch";
    public const string CarryOver = "carry-over";
    public const string InForce = "in-force";
    public const string TextTableMismatch = "text-table-mismatch";
    public const string FeeStatement = "fee-statement";
    public const string LatePublication = "late-publication";

    /// <summary>Every code with its severity and a zh-CN description, for documentation and help.</summary>
    public static IReadOnlyList<(string Code, Severity Severity, string Description)> All { get; } =
    [
        (MissingSection, Severity.Error, "报告缺少法定章节（一至六）"),
        (MissingTable, Severity.Error, "报告缺少统计表（表二、表三或表四）"),
        (MissingRow, Severity.Error, "统计表缺少一行"),
        (BlankCell, Severity.Warning, "单元格空白（空白不等于 0）"),
        (UnreadableCell, Severity.Error, "单元格无法识别为数字"),
        (RowTotal, Severity.Error, "表三某行「总计」列不等于六类申请人之和"),
        (OutcomeTotal, Severity.Error, "表三「（七）总计」不等于各项办理结果之和"),
        (Balance, Severity.Error, "表三某列 一+二 ≠ 三（七）总计 + 四"),
        (AppealTotal, Severity.Error, "表四「总计」不等于结果维持、纠正、其他、尚未审结之和"),
        (Negative, Severity.Error, "数量为负数"),
        (EditionMismatch, Severity.Error, "报告使用的格式版本不是该年度适用的版本"),
        (CarryOver, Severity.Warning, "本年「上年结转」不等于上一年度「结转下年度继续办理」"),
        (InForce, Severity.Warning, "现行有效件数与上一年度及本年制发、废止件数不符"),
        (TextTableMismatch, Severity.Warning, "正文所述数字与统计表不符"),
        (FeeStatement, Severity.Warning, "2021年版格式：第六部分未说明信息处理费收取情况"),
        (LatePublication, Severity.Warning, "报告晚于条例第四十九条规定的期限公布"),
    ];

    public static Severity SeverityOf(string code) => All.First(c => c.Code == code).Severity;
}
