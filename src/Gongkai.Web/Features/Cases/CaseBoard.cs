using Gongkai.Core.Calendar;
using Gongkai.Core.Cases;
using Gongkai.Core.Deadlines;
using Gongkai.Core.Statute;
using Gongkai.Data.Cases;
using Gongkai.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Features.Cases;

public sealed record CaseSummary(ApplicationRow Row, string AgencyName, CaseLedger Ledger, DeadlineStatus Status)
{
    public ComputedDate? Due => Status.Due;

    public DeadlineState State => Status.State;

    public int? WorkdaysLeft => Status.WorkdaysLeft;

    public string StateText => Status.Text;

    public string StateClass => State switch
    {
        DeadlineState.OnTrack => "green",
        DeadlineState.DueSoon => "amber",
        DeadlineState.Overdue => "red",
        DeadlineState.Paused or DeadlineState.Closed => "grey",
    };
}

/// <summary>
/// The case list of the workspace: every case of the staff member's agencies with its deadline state,
/// derived from its ledger. A scoped service over the request's context and case store.
/// </summary>
public sealed class CaseBoard(GongkaiDbContext db, CaseStore cases)
{
    /// <summary>One page of closed cases with the true total, newest first, paged in SQL.</summary>
    public async Task<(IReadOnlyList<CaseSummary> Page, int Total)> ClosedPageAsync(IReadOnlyList<string> agencyIds, string? text, int page, int pageSize, CancellationToken ct)
    {
        var query = Query(agencyIds, open: false, text);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(a => a.ReceivedOn).ThenByDescending(a => a.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return (await SummariseAsync(agencyIds, rows, ct), total);
    }

    private IQueryable<ApplicationRow> Query(IReadOnlyList<string> agencyIds, bool open, string? text)
    {
        var query = db.Applications.AsNoTracking().Include(a => a.Events).Where(a => agencyIds.Contains(a.AgencyId));
        query = open
            ? query.Where(a => !a.Events.Any(e => e.Kind == CaseEventCodes.Decided || e.Kind == CaseEventCodes.Withdrawn))
            : query.Where(a => a.Events.Any(e => e.Kind == CaseEventCodes.Decided || e.Kind == CaseEventCodes.Withdrawn));
        if (text is { Length: > 0 })
        {
            query = query.Where(a => a.TrackingNumber.Contains(text) || a.ApplicantName.Contains(text) || a.Description.Contains(text));
        }

        return query;
    }

    public async Task<IReadOnlyList<CaseSummary>> ListAsync(IReadOnlyList<string> agencyIds, bool open, string? text, int limit, CancellationToken ct)
    {
        var rows = await Query(agencyIds, open, text).OrderByDescending(a => a.ReceivedOn).ThenByDescending(a => a.Id).Take(limit).ToListAsync(ct);
        return await SummariseAsync(agencyIds, rows, ct);
    }

    private async Task<IReadOnlyList<CaseSummary>> SummariseAsync(IReadOnlyList<string> agencyIds, List<ApplicationRow> rows, CancellationToken ct)
    {
        var names = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var today = db.Clock.TodayInChina();
        return rows.Select(r => Summarise(r, names[r.AgencyId], cases.ToLedger(r), today)).OrderBy(s => s.State).ThenBy(s => s.Due?.Date).ToArray();
    }

    /// <summary>One case within the staff member's agencies, or null — for a case that does not exist and for another agency's alike.</summary>
    public async Task<CaseSummary?> FindAsync(StaffScope staff, string trackingNumber, CancellationToken ct)
    {
        var row = await db.Applications.AsNoTracking().Include(a => a.Events).SingleOrDefaultAsync(a => a.TrackingNumber == trackingNumber, ct);
        return row is null || !staff.Covers(row.AgencyId)
            ? null
            : Summarise(row, staff.Agencies.Single(a => a.Id == row.AgencyId).Name, cases.ToLedger(row), db.Clock.TodayInChina());
    }

    /// <summary>The ledger of a stored application, replayed through the ledger's checks.</summary>
    public CaseLedger LedgerOf(ApplicationRow row) => cases.ToLedger(row);

    public static CaseSummary Summarise(ApplicationRow row, string agencyName, CaseLedger ledger, DateOnly today) =>
        new(row, agencyName, ledger, DeadlineStatus.Of(ledger, today));

    /// <summary>The facts a letter of the case states, with the remedy bodies and contact line from the agency's settings.</summary>
    public async Task<Documents.Letters.CaseFacts> LetterFactsAsync(ApplicationRow r, string agencyName, CancellationToken ct)
    {
        var (reconsideration, court) = await new Data.Agencies.AgencyDirectory(db).RemedyBodiesAsync(r.AgencyId, ct);
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == r.AgencyId, ct);
        return new(r.TrackingNumber, agencyName, r.ApplicantName, r.Description, r.Email, r.Address,
            Organisation: r.ApplicantType != (int)Core.Statute.ApplicantType.Natural, ReconsiderationBody: reconsideration, Court: court,
            Honorific: (Core.Identity.Honorific)r.Honorific, AgencyContact: Documents.Letters.CaseLetters.ContactLine(agency.Address, agency.PostalCode, agency.Phone, agency.Email));
    }

    public static string EventText(CaseEvent e) => e switch
    {
        ApplicationReceived r => $"收到申请（{r.Channel.Label()}）",
        CorrectionRequested c => $"发出补正申请告知书（补正期限 {c.Workdays} 个工作日{(c.Items is { } items ? "；需补正：" + items : "")}）",
        CorrectionReceived { Content: { } content } => $"收到补正后的申请：{content}",
        CorrectionReceived => "收到补正后的申请",
        ConsultationSent c => c.Party == ConsultationParty.ThirdParty ? "发出第三方意见征询函" : "发出征求其他机关意见函",
        ConsultationAnswered => "收到征求意见答复",
        ExtensionApproved x => $"延期答复 {x.Workdays} 个工作日（{x.ApprovedBy} 批准）",
        FeeNoticeSent => "发出收费通知",
        FeeNoticeReceived => "申请人收到收费通知",
        FeePaid => "申请人缴纳信息处理费",
        Decided d => $"作出答复：{OutcomeLabel(d.Outcome)}",
        Withdrawn => "申请人撤回申请",
        _ => e.GetType().Name,
    };

    /// <summary>The outcome as table 三 (2021 edition) names it, with its group.</summary>
    public static string OutcomeLabel(Outcome outcome)
    {
        var row = RequestTable.RowFor(outcome, Edition.V2021);
        return row.Group is { } g ? $"{g} {row.Label}" : row.Label;
    }
}
