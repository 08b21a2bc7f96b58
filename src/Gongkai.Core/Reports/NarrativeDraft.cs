using System.Globalization;
using Gongkai.Core.Statute;

namespace Gongkai.Core.Reports;

/// <summary>
/// A first draft of sections 一, 五 and 六 written from the report's own tables, for the clerk
/// to edit. Every number in it comes from the tables, so the draft never contradicts them; what
/// only a person can say is marked 「【请填写…】」.
/// </summary>
public static class NarrativeDraft
{
    public const string Placeholder = "【请填写";

    /// <param name="acceptedSuggestions">
    /// How many 第四十四条 suggestions (many applicants asking for the same information) the agency accepted in the year,
    /// turning them into proactive publication; cited in (一) when there were any. Null when not known (a report read from a file).
    /// </param>
    public static ReportNarrative For(AnnualReport report, int? acceptedSuggestions = null)
    {
        string N(int? v) => (v ?? 0).ToString(CultureInfo.InvariantCulture);
        var y = report.Year.ToString(CultureInfo.InvariantCulture);
        var requests = report.Requests;
        int? Total(RequestRowKind kind) => requests?.Cell(RequestTable.Row(report.Edition, kind), ApplicantColumns.Total);
        int? Row(string key) => requests?[key]?[ApplicantColumns.Total.Index];
        var appeals = report.Appeals;
        int? AppealTotal(int group) => appeals?.Cell(AppealTable.Groups[group], AppealTable.Total);

        var overview = string.Join('\n',
            $"{y}年，{report.Agency}认真贯彻落实《中华人民共和国政府信息公开条例》，依法做好政府信息公开工作。",
            $"（一）主动公开。{Placeholder}本年度主动公开政府信息的数量、渠道和重点领域】" +
            (acceptedSuggestions is > 0 ? $"依据条例第四十四条，将{N(acceptedSuggestions)}类多人申请的相同政府信息转为主动公开。" : ""),
            $"（二）依申请公开。{y}年共收到政府信息公开申请{N(Total(RequestRowKind.Received))}件，上年结转{N(Total(RequestRowKind.CarriedOver))}件；" +
            $"办结{N(Total(RequestRowKind.Total))}件，其中予以公开{N(Row("disclosed"))}件、部分公开{N(Row("partlyDisclosed"))}件；结转下年度继续办理{N(Total(RequestRowKind.CarriedForward))}件。",
            $"（三）政府信息管理。{Placeholder}保密审查、政策解读等工作情况】",
            $"（四）政府信息公开平台建设。{Placeholder}政府网站、政务新媒体等平台建设情况】",
            $"（五）监督保障。因政府信息公开被申请行政复议{N(AppealTotal(0))}件，提起行政诉讼{N((AppealTotal(1) ?? 0) + (AppealTotal(2) ?? 0))}件。{Placeholder}工作考核、社会评议和责任追究结果情况】");
        var problems = $"{Placeholder}本年度政府信息公开工作存在的主要问题及改进情况】";
        var unpaid = report.Edition == Edition.V2021 ? Row("otherHandling.unpaidFee") : null;
        var other = $"依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），{y}年度{Placeholder}收取信息处理费的情况】" +
            (unpaid is > 0 ? $"；因申请人逾期未缴纳信息处理费而不再处理的申请{N(unpaid)}件。" : "。");
        return new ReportNarrative(overview, problems, other);
    }
}
