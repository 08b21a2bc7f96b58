using System.Globalization;
using Gongkai.Core.Calendar;
using Gongkai.Core.Deadlines;
using Gongkai.Core.Reports.Rules;
using Gongkai.Data.Model;
using Gongkai.Data.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Features.Supervision;

/// <summary>Where an agency's 年报 on last year stands.</summary>
public enum ReportStage
{
    NotStarted,
    Drafted,
    Published,
}

/// <summary>One agency as the 政务公开办 supervises it.</summary>
/// <param name="PublishedLate">Items published this year after 第二十六条's 20 working days.</param>
/// <param name="PendingLate">Items not yet published whose 20 working days are over.</param>
/// <param name="ReportPublishedOn">The day last year's report was first published, if it was.</param>
public sealed record SupervisionRow(
    AgencyRow Agency, int OnTrack, int DueSoon, int Overdue, int Paused, int PublishedThisYear, int PublishedLate, int PendingLate,
    ReportStage Report, DateOnly? ReportPublishedOn, DateOnly ReportDeadline, DateOnly Today)
{
    public int Open => OnTrack + DueSoon + Overdue + Paused;

    /// <summary>Published by 第四十九条's day; or, while unpublished, whether that day is still ahead.</summary>
    public bool ReportOnTime => ReportPublishedOn is { } on ? on <= ReportDeadline : Today <= ReportDeadline;

    private string Due => ReportDeadline.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    public string ReportText => Report switch
    {
        ReportStage.Published => $"已发布（{ReportPublishedOn!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}，{(ReportOnTime ? "按时" : "逾期")}）",
        ReportStage.Drafted => ReportOnTime ? $"已起草，未发布（{Due}前）" : "已起草，逾期未发布",
        ReportStage.NotStarted => ReportOnTime ? $"未起草（{Due}前发布）" : "未起草，逾期未发布",
    };
}

/// <summary>
/// The supervision view of a government's 政务公开办: every agency in its scope with its open cases by
/// deadline state, this year's 主动公开 timeliness (第二十六条) and last year's 年报 (第四十九条).
/// </summary>
public static class SupervisionView
{
    public static async Task<IReadOnlyList<SupervisionRow>> ListAsync(GongkaiDbContext db, CaseBoard board, IReadOnlyList<AgencyRow> agencies, CancellationToken ct)
    {
        var ids = agencies.Select(a => a.Id).ToArray();
        var today = db.Clock.TodayInChina();
        var reportYear = today.Year - 1;
        var open = await board.ListAsync(ids, open: true, null, int.MaxValue, ct);
        var states = open.GroupBy(c => (c.Row.AgencyId, c.State)).ToDictionary(g => g.Key, g => g.Count());
        var from = new DateOnly(today.Year, 1, 1);
        var items = await db.Publications.AsNoTracking().Where(p => ids.Contains(p.AgencyId) && (p.PublishedOn == null || p.PublishedOn >= from)).ToListAsync(ct);
        var drafted = await db.ReportDrafts.AsNoTracking().Where(d => ids.Contains(d.AgencyId) && d.Year == reportYear).Select(d => d.AgencyId).ToListAsync(ct);
        var locked = await db.ReportLocks.AsNoTracking().Where(l => ids.Contains(l.AgencyId) && l.Year == reportYear && l.Version == 1)
            .ToDictionaryAsync(l => l.AgencyId, l => DateOnly.FromDateTime(l.LockedAtUtc.InChina()), ct);
        return agencies.Select(a =>
        {
            int Count(DeadlineState s) => states.GetValueOrDefault((a.Id, s));
            var own = items.Where(p => p.AgencyId == a.Id).ToArray();
            var published = own.Where(p => p.PublishedOn is not null).ToArray();
            var stage = locked.ContainsKey(a.Id) ? ReportStage.Published : drafted.Contains(a.Id) ? ReportStage.Drafted : ReportStage.NotStarted;
            return new SupervisionRow(a, Count(DeadlineState.OnTrack), Count(DeadlineState.DueSoon), Count(DeadlineState.Overdue), Count(DeadlineState.Paused),
                published.Length, published.Count(p => p.PublishedOn > PublicationStore.Due(p).Date), own.Count(p => p.PublishedOn is null && today > PublicationStore.Due(p).Date),
                stage, locked.TryGetValue(a.Id, out var on) ? on : null, ReportChecker.PublicationDeadline(a.Name, reportYear), today);
        }).ToArray();
    }

    /// <summary>The view as a workbook (one sheet, the columns of the page).</summary>
    public static byte[] Xlsx(IReadOnlyList<SupervisionRow> rows)
    {
        var sheet = new Documents.Reports.XlsxSheet("监督");
        sheet.Row("机关", "办理中", "3个工作日内到期", "已超期", "期限中止", "今年主动公开", "其中逾期发布", "超期未发布", $"{rows.FirstOrDefault()?.ReportDeadline.Year - 1}年度年报");
        foreach (var r in rows)
        {
            sheet.Row(r.Agency.Name, r.OnTrack, r.DueSoon, r.Overdue, r.Paused, r.PublishedThisYear, r.PublishedLate, r.PendingLate, r.ReportText);
        }

        using var stream = new MemoryStream();
        Documents.Reports.XlsxWorkbook.Write(stream, [sheet]);
        return stream.ToArray();
    }
}
