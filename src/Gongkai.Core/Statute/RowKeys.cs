namespace Gongkai.Core.Statute;

/// <summary>
/// Short, distinctive fragments that identify each row's label in text as published (matched
/// against a key with spaces, Markdown and quotes removed and 「、」 read as 「.」). Part of the statute
/// model, beside the rows they identify, so adding a row is a change in one place. Fragments survive labels wrapped across lines, spaces
/// inside words and the typos seen in published reports (「其他法律行政止公开」).
/// </summary>
public static class RowKeys
{
    private static readonly Dictionary<string, string[]> _requests = new(StringComparer.Ordinal)
    {
        ["received"] = ["本年新收"],
        ["carriedOver"] = ["上年结转"],
        ["disclosed"] = ["予以公开"],
        ["partlyDisclosed"] = ["部分公开"],
        ["withheld.stateSecret"] = ["国家秘密"],
        ["withheld.prohibitedByLaw"] = ["禁止公开", "其他法律行政"],
        ["withheld.securityStability"] = ["安全一稳定", "三安全"],
        ["withheld.thirdPartyRights"] = ["第三方"],
        ["withheld.internalAffairs"] = ["内部事务"],
        ["withheld.deliberative"] = ["过程性"],
        ["withheld.enforcementFiles"] = ["执法案卷"],
        ["withheld.queryMatters"] = ["行政查询", "查询事项"],
        ["unavailable.notHeld"] = ["不掌握"],
        ["unavailable.needsCreation"] = ["另行制作"],
        ["unavailable.stillUnclear"] = ["仍不明确"],
        ["notProcessed.petition"] = ["信访", "举报投诉"],
        ["notProcessed.duplicate"] = ["重复申请"],
        ["notProcessed.publication"] = ["出版物"],
        ["notProcessed.massRepeated"] = ["大量反复"],
        ["notProcessed.confirmation"] = ["重新出具", "确认或"],
        ["otherHandling"] = ["其他处理"],
        ["otherHandling.noCorrection"] = ["逾期不补正", "不补正"],
        ["otherHandling.unpaidFee"] = ["收费通知", "缴纳费用"],
        ["otherHandling.other"] = ["3.其他"],
        ["total"] = ["总计"],
        ["carriedForward"] = ["结转下年度"],
    };

    private static readonly Dictionary<string, string[]> _proactive = new(StringComparer.Ordinal)
    {
        ["rules"] = ["规章"],
        ["normativeDocuments"] = ["规范性文件"],
        ["licensing"] = ["行政许可"],
        ["otherServices"] = ["其他对外管理服务", "对外管理服务"],
        ["penalties"] = ["行政处罚"],
        ["enforcement"] = ["行政强制"],
        ["fees"] = ["行政事业性收费", "事业性收费"],
        ["procurement"] = ["政府集中采购", "集中采购"],
    };

    public static IReadOnlyList<string> For(RequestRow row) => _requests[row.Key];

    public static IReadOnlyList<string> For(ProactiveRow row) => _proactive[row.Key];

    /// <summary>Fragments that mark the 2021 edition's three （六） sub-rows.</summary>
    public static IReadOnlyList<string> OtherHandling2021 { get; } = ["逾期不补正", "收费通知", "缴纳费用"];
}
