using System.Globalization;
using Gongkai.Core.Reports.Rules;

namespace Gongkai.Core.Reports;

/// <summary>What a 锁定并发布 (or a 更正版) is asked to publish, and by whom.</summary>
/// <param name="Today">Today in China.</param>
/// <param name="Diagnostics">The report's diagnostics as checked now.</param>
/// <param name="WarningsAcknowledged">The person locking has confirmed the warnings they were shown.</param>
/// <param name="ReviewedBy">Who did the 审核 of the narrative as saved, or null.</param>
/// <param name="Actor">Who locks (a 分管领导 or 管理员).</param>
public sealed record LockRequest(AnnualReport Report, DateOnly Today, IReadOnlyList<Diagnostic> Diagnostics, bool WarningsAcknowledged, string? ReviewedBy, string Actor);

/// <summary>
/// When a year's report may be published: once it is final and two people have seen it. A published
/// report cannot be taken back (条例 第四十九条 publishes it), so the lock refuses a year not yet
/// over, a narrative still holding 「【请填写…】」, any error diagnostic, warnings not acknowledged, and
/// a report without a 审核 by someone other than the person who locks it.
/// </summary>
public static class ReportLockRules
{
    /// <summary>Every reason the lock is refused, in zh-CN; empty when it may proceed.</summary>
    public static IReadOnlyList<string> Refusals(LockRequest request)
    {
        var refusals = new List<string>();
        var year = request.Report.Year;
        if (request.Today <= new DateOnly(year, 12, 31))
        {
            refusals.Add($"{year.ToString(CultureInfo.InvariantCulture)}年度尚未结束：年度报告须在该年12月31日之后才能锁定发布");
        }

        var sections = request.Report.Sections;
        var placeholders = new[] { sections.Overview, sections.Problems, sections.Other }.Sum(s => Count(s, NarrativeDraft.Placeholder));
        if (placeholders > 0)
        {
            refusals.Add($"正文中仍有 {placeholders.ToString(CultureInfo.InvariantCulture)} 处「{NarrativeDraft.Placeholder}…】」待填写");
        }

        var errors = request.Diagnostics.Where(d => d.Severity == Severity.Error).ToArray();
        if (errors.Length > 0)
        {
            refusals.Add($"检查结果中有 {errors.Length.ToString(CultureInfo.InvariantCulture)} 个错误（{string.Join("、", errors.Select(e => e.Code).Distinct())}），须先改正");
        }

        var warnings = request.Diagnostics.Count(d => d.Severity == Severity.Warning);
        if (warnings > 0 && !request.WarningsAcknowledged)
        {
            refusals.Add($"检查结果中有 {warnings.ToString(CultureInfo.InvariantCulture)} 个警告，请逐一核对后确认");
        }

        if (request.ReviewedBy is null)
        {
            refusals.Add("正文保存后尚未审核：须由一人审核、另一人（分管领导或管理员）锁定发布");
        }
        else if (request.ReviewedBy == request.Actor)
        {
            refusals.Add($"审核人与锁定发布人不能是同一人（{request.Actor}）");
        }

        return refusals;
    }

    private static int Count(string? text, string what)
    {
        var count = 0;
        for (var i = text?.IndexOf(what, StringComparison.Ordinal) ?? -1; i >= 0; i = text!.IndexOf(what, i + what.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
