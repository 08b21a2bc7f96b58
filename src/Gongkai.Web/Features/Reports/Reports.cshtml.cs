using Gongkai.Core.Calendar;
using System.Text;
using Gongkai.Core.Publishing;
using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Rules;
using Gongkai.Data.Model;
using Gongkai.Data.Publishing;
using Gongkai.Data.Reports;
using Gongkai.Documents.Reports;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Features.Reports;

/// <summary>
/// The year's report for an agency in scope: tables computed from the records (never typed), the
/// narrative the clerk edits (saved as a draft), every diagnostic (also live while typing, through
/// the <c>check</c> handler), 审核 by one person and 锁定并发布 by another — a 分管领导 or 管理员 —
/// which freezes the report as filed and puts it on the portal (<see cref="ReportPublishing"/>), and
/// a 更正版 when the records of a published year have changed.
/// </summary>
public sealed class ReportsModel(GongkaiDbContext db, StaffScopes scopes, Microsoft.AspNetCore.OutputCaching.IOutputCacheStore cache, TimeProvider clock) : StaffPage(scopes)
{
    [BindProperty(SupportsGet = true, Name = "agency")] public string? AgencyId { get; set; }

    [BindProperty(SupportsGet = true)] public int Year { get; set; } = clock.TodayInChina().Year;

    public AnnualReport Report { get; private set; } = null!;

    public IReadOnlyList<Diagnostic> Diagnostics { get; private set; } = [];

    public LockedReport? Locked { get; private set; }

    public string? Message { get; private set; }

    public IHtmlContent PreviewHtml { get; private set; } = HtmlString.Empty;

    /// <summary>The agency's own yearly counts for table 二, if entered.</summary>
    public ProactiveYearRow? Counts { get; private set; }

    public bool CanLock => Staff.IsIn(StaffRoles.Leader) || Staff.IsIn(StaffRoles.Admin);

    public bool CanReview => Staff.IsIn(StaffRoles.Reviewer) || CanLock;

    /// <summary>Who reviewed the saved narrative (cleared when it changes), or null.</summary>
    public string? ReviewedBy { get; private set; }

    /// <summary>Why the last lock was refused, one reason per line.</summary>
    public IReadOnlyList<string> Refusals { get; private set; } = [];

    public async Task<IActionResult> OnPostReviewAsync(CancellationToken ct)
    {
        if (!await LoadAsync(null, ct))
        {
            return NotFound();
        }

        if (!CanReview)
        {
            return Forbid();
        }

        await ReportPublishing.ReviewAsync(db, AgencyId!, Year, Subordinates, Staff.User.DisplayName, ct);
        Flash = "已审核：可由另一位分管领导或管理员锁定发布";
        return Redirect($"/admin/reports?agency={Uri.EscapeDataString(AgencyId!)}&year={Year}");
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ViewData["Flash"] = Flash;
        return await LoadAsync(null, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostSaveAsync(string? overview, string? problems, string? other, CancellationToken ct)
    {
        if (!await LoadAsync(null, ct))
        {
            return NotFound();
        }

        if (!Staff.IsIn(StaffRoles.Clerk) && !CanLock)
        {
            return Forbid();
        }

        try
        {
            await ReportDrafts.SaveAsync(db, AgencyId!, Year, new ReportNarrative(overview, problems, other), Staff.User.DisplayName, ct);
            Flash = "正文已保存";
            return Redirect($"/admin/reports?agency={Uri.EscapeDataString(AgencyId!)}&year={Year}");
        }
        catch (InvalidOperationException ex)
        {
            Message = ex.Message;
            return Page();
        }
    }

    public async Task<IActionResult> OnPostLockAsync(string? overview, string? problems, string? other, bool acknowledge, CancellationToken ct)
    {
        if (!await LoadAsync(null, ct))
        {
            return NotFound();
        }

        if (!CanLock)
        {
            return Forbid();
        }

        var restate = Locked is not null;
        if (restate && Locked!.Restatement.Count == 0)
        {
            Message = $"{Year} 年度报告已经锁定，此后记录没有变动，无需更正";
            return Page();
        }

        if (!restate && overview is not null)
        {
            await ReportDrafts.SaveAsync(db, AgencyId!, Year, new ReportNarrative(overview, problems, other), Staff.User.DisplayName, ct);
        }

        try
        {
            await ReportPublishing.PublishAsync(db, AgencyId!, Year, Subordinates, Staff.User.DisplayName, acknowledge, ct, restate);
        }
        catch (ReportLockException ex)
        {
            await LoadAsync(null, ct);
            Refusals = ex.Reasons;
            Message = restate ? "不能发布更正版：" : "不能锁定发布：";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await Portal.PortalCache.EvictAsync(cache, ct);
        Flash = restate ? "更正版已锁定并在门户发布，原版本保留" : "年度报告已锁定并在门户发布";
        return Redirect($"/admin/reports?agency={Uri.EscapeDataString(AgencyId!)}&year={Year}");
    }

    private bool Subordinates => Staff.Agencies.Any(a => a.ParentId == AgencyId);

    /// <summary>
    /// Table 二's yearly counts that live in other systems (行政许可, 行政处罚, 行政强制 decisions and the
    /// fee amount in 万元), entered for the agency and year; the tables are then recomputed.
    /// </summary>
    public async Task<IActionResult> OnPostCountsAsync(int? licensing, int? penalties, int? enforcement, decimal? fees, CancellationToken ct)
    {
        if (!await LoadAsync(null, ct))
        {
            return NotFound();
        }

        if (!Staff.IsIn(StaffRoles.Clerk))
        {
            return Forbid();
        }

        if (Locked is not null || licensing is not >= 0 || penalties is not >= 0 || enforcement is not >= 0 || fees is not >= 0)
        {
            Message = Locked is not null ? $"{Year} 年度报告已经锁定发布，不能再修改" : "处理决定数量应为不小于 0 的整数，收费金额应为不小于 0 的数（万元）";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var row = new ProactiveYearRow { AgencyId = AgencyId!, Year = Year, Licensing = licensing.Value, Penalties = penalties.Value, Enforcement = enforcement.Value, FeesAmount = Math.Round(fees.Value, 4) };
        await ProactiveCsvImport.SaveAsync(db, [row], Staff.User.DisplayName, ct);
        Flash = "表二年度数量已保存";
        return Redirect($"/admin/reports?agency={Uri.EscapeDataString(AgencyId!)}&year={Year}");
    }

    /// <summary>Live check while the narrative is edited: the diagnostics of the tables with the narrative as typed (not saved).</summary>
    public async Task<IActionResult> OnPostCheckAsync(string? overview, string? problems, string? other, CancellationToken ct)
    {
        if (!await LoadAsync(new ReportNarrative(overview, problems, other), ct))
        {
            return NotFound();
        }

        return new JsonResult(Diagnostics.Select(d => new { d.Code, severity = d.Severity.ToString().ToLowerInvariant(), d.Message }));
    }

    private async Task<bool> LoadAsync(ReportNarrative? typed, CancellationToken ct)
    {
        AgencyId ??= Staff.User.AgencyId;
        if (!Staff.Covers(AgencyId) || Year is < 2019 or > 2100)
        {
            return false;
        }

        var subordinates = Staff.Agencies.Any(a => a.ParentId == AgencyId);
        Counts = await db.ProactiveYears.AsNoTracking().SingleOrDefaultAsync(p => p.AgencyId == AgencyId && p.Year == Year, ct);
        Locked = await ReportLocks.FindAsync(db, AgencyId, Year, ct);
        ReviewedBy = await ReportPublishing.ReviewedByAsync(db, AgencyId, Year, ct);
        Report = Locked?.Filed ?? await RecordsReport.BuildAsync(db, AgencyId, Year, subordinates, ct);
        if (typed is not null)
        {
            Report.Sections = typed;
        }

        var previous = await ReportLocks.FiledAsync(db, AgencyId, Year - 1, ct) ?? await RecordsReport.TablesAsync(db, AgencyId, Year - 1, subordinates, ct);
        Diagnostics = ReportChecker.Check(Report, new CheckContext { PreviousYear = previous });
        var sb = new StringBuilder();
        ReportHtmlWriter.WriteBody(sb, Report);
        PreviewHtml = new HtmlString(sb.ToString());
        return true;
    }
}
