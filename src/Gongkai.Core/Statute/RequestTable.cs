namespace Gongkai.Core.Statute;

/// <summary>
/// Table 三 (收到和处理政府信息公开申请情况) in both editions: rows, groups, labels exactly as in
/// the official tables (gip-rules §2.3), and the outcome taxonomy's place in it.
/// </summary>
public static class RequestTable
{
    public const string Note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
    public const string ResultsHeader = "三、本年度办理结果";

    public const string GroupWithheld = "（三）不予公开";
    public const string GroupUnavailable = "（四）无法提供";
    public const string GroupNotProcessed = "（五）不予处理";
    public const string GroupOtherHandling = "（六）其他处理";

    private static RequestRow Outcome1(string key, string label, string? group, string? basis, Outcome outcome) =>
        new(key, label, RequestRowKind.Outcome, group, basis, [outcome]);

    private static readonly RequestRow[] _head =
    [
        new("received", "一、本年新收政府信息公开申请数量", RequestRowKind.Received, null, null, []),
        new("carriedOver", "二、上年结转政府信息公开申请数量", RequestRowKind.CarriedOver, null, null, []),
        Outcome1("disclosed", "（一）予以公开", null, "第三十六条第（一）（二）项", Outcome.Disclosed),
        Outcome1("partlyDisclosed", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", null, "第三十七条", Outcome.PartlyDisclosed),
        Outcome1("withheld.stateSecret", "1.属于国家秘密", GroupWithheld, "第十四条", Outcome.StateSecret),
        Outcome1("withheld.prohibitedByLaw", "2.其他法律行政法规禁止公开", GroupWithheld, "第十四条", Outcome.ProhibitedByLaw),
        Outcome1("withheld.securityStability", "3.危及“三安全一稳定”", GroupWithheld, "第十四条", Outcome.SecurityStability),
        Outcome1("withheld.thirdPartyRights", "4.保护第三方合法权益", GroupWithheld, "第十五条、第三十二条", Outcome.ThirdPartyRights),
        Outcome1("withheld.internalAffairs", "5.属于三类内部事务信息", GroupWithheld, "第十六条第一款", Outcome.InternalAffairs),
        Outcome1("withheld.deliberative", "6.属于四类过程性信息", GroupWithheld, "第十六条第二款", Outcome.Deliberative),
        Outcome1("withheld.enforcementFiles", "7.属于行政执法案卷", GroupWithheld, "第十六条第二款", Outcome.EnforcementFiles),
        Outcome1("withheld.queryMatters", "8.属于行政查询事项", GroupWithheld, "第三十六条第（七）项", Outcome.QueryMatters),
        Outcome1("unavailable.notHeld", "1.本机关不掌握相关政府信息", GroupUnavailable, "第三十六条第（四）（五）项", Outcome.NotHeld),
        Outcome1("unavailable.needsCreation", "2.没有现成信息需要另行制作", GroupUnavailable, "第三十八条", Outcome.NeedsCreation),
        Outcome1("unavailable.stillUnclear", "3.补正后申请内容仍不明确", GroupUnavailable, "第三十条", Outcome.StillUnclear),
        Outcome1("notProcessed.petition", "1.信访举报投诉类申请", GroupNotProcessed, "第三十九条第一款", Outcome.Petition),
        Outcome1("notProcessed.duplicate", "2.重复申请", GroupNotProcessed, "第三十六条第（六）项", Outcome.Duplicate),
        Outcome1("notProcessed.publication", "3.要求提供公开出版物", GroupNotProcessed, "第三十九条第二款", Outcome.Publication),
        Outcome1("notProcessed.massRepeated", "4.无正当理由大量反复申请", GroupNotProcessed, "第三十五条", Outcome.MassRepeated),
        Outcome1("notProcessed.confirmation", "5.要求行政机关确认或重新出具已获取信息", GroupNotProcessed, "第三十六条", Outcome.Confirmation),
    ];

    private static readonly RequestRow[] _tail =
    [
        new("total", "（七）总计", RequestRowKind.Total, null, null, []),
        new("carriedForward", "四、结转下年度继续办理", RequestRowKind.CarriedForward, null, null, []),
    ];

    private static readonly RequestRow[] _other2019 =
    [
        new("otherHandling", "（六）其他处理", RequestRowKind.Outcome, null, "第三十条、国办函〔2020〕109号等",
            [Outcome.NoCorrection, Outcome.UnpaidFee, Outcome.OtherHandling]),
    ];

    private static readonly RequestRow[] _other2021 =
    [
        Outcome1("otherHandling.noCorrection", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", GroupOtherHandling, "第三十条", Outcome.NoCorrection),
        Outcome1("otherHandling.unpaidFee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", GroupOtherHandling, "国办函〔2020〕109号", Outcome.UnpaidFee),
        new("otherHandling.other", "3.其他", RequestRowKind.Outcome, GroupOtherHandling, null, [Outcome.OtherHandling]),
    ];

    private static readonly IReadOnlyList<RequestRow> _rows2019 = [.. _head, .. _other2019, .. _tail];
    private static readonly IReadOnlyList<RequestRow> _rows2021 = [.. _head, .. _other2021, .. _tail];

    /// <summary>The data rows of table 三 in table order: 23 (2019) or 25 (2021).</summary>
    public static IReadOnlyList<RequestRow> Rows(Edition edition) => edition switch
    {
        Edition.V2019 => _rows2019,
        Edition.V2021 => _rows2021,
    };

    private static readonly Dictionary<RequestRow, int> _index2019 = IndexOf(_rows2019);
    private static readonly Dictionary<RequestRow, int> _index2021 = IndexOf(_rows2021);

    private static Dictionary<RequestRow, int> IndexOf(IReadOnlyList<RequestRow> rows) =>
        rows.Select((r, i) => (r, i)).ToDictionary(x => x.r, x => x.i, (IEqualityComparer<RequestRow>)ReferenceEqualityComparer.Instance);

    /// <summary>Whether <paramref name="row"/> is one of the edition's rows (by identity: rows are defined once).</summary>
    public static bool Contains(Edition edition, RequestRow row) => IndexOf(edition, row) >= 0;

    /// <summary>The row's position in the edition's table, or -1 if it is not one of its rows.</summary>
    public static int IndexOf(Edition edition, RequestRow row) =>
        (edition == Edition.V2019 ? _index2019 : _index2021).TryGetValue(row, out var i) ? i : -1;

    /// <summary>The outcome rows (those summed into （七）总计).</summary>
    public static IEnumerable<RequestRow> OutcomeRows(Edition edition) =>
        Rows(edition).Where(r => r.Kind == RequestRowKind.Outcome);

    /// <summary>The row that counts an outcome in the given edition.</summary>
    public static RequestRow RowFor(Outcome outcome, Edition edition) =>
        OutcomeRows(edition).First(r => r.Outcomes.Contains(outcome));

    public static RequestRow Row(Edition edition, string key) =>
        Rows(edition).FirstOrDefault(r => r.Key == key)
        ?? throw new ArgumentException($"No row '{key}' in table 三 of the {edition.Code()} edition.", nameof(key));

    public static RequestRow Row(Edition edition, RequestRowKind kind) => Rows(edition).First(r => r.Kind == kind);

    /// <summary>The group labels in table order, with the count of rows under each.</summary>
    public static IReadOnlyList<string> Groups(Edition edition) =>
        Rows(edition).Select(r => r.Group).OfType<string>().Distinct().ToArray();
}
