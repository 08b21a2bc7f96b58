using Gongkai.Core.Calendar;
using Gongkai.Core.Cases;
using Gongkai.Core.Reports;
using Gongkai.Core.Statute;
using Gongkai.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Reports;

/// <summary>
/// The annual report's tables computed in SQL from the stored records, with the semantics of
/// <see cref="ReportFromRecords"/> (the in-memory reference it is tested against): counts are
/// grouped in the database, never by loading cases into memory.
/// </summary>
public static class RecordsReport
{
    // The parts of FillRequestsAsync's group key: applicant type (0–5) + KeyNew if received this
    // year + KeyState × (0 open on 31 Dec, else the closure state: outcome + 1 if decided, WithdrawnState if withdrawn).
    private const int KeyNew = 8;
    private const int KeyState = 16;
    private const int WithdrawnState = Cases.CaseClosure.Withdrawn;

    /// <summary>The tables only (no drafted narrative), for comparisons and roll-ups.</summary>
    public static async Task<AnnualReport> TablesAsync(GongkaiDbContext db, string agencyId, int year, bool includeSubordinates = false, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(db, agencyId, includeSubordinates, ct).ConfigureAwait(false);
        var ids = scope.Select(a => a.Id).ToArray();
        var report = AnnualReport.Blank(year, Editions.InForceFor(year));
        report.Agency = scope[0].Name;
        await FillRequestsAsync(db, ids, year, report.Requests!, ct).ConfigureAwait(false);
        await FillAppealsAsync(db, ids, year, report.Appeals!, ct).ConfigureAwait(false);
        await FillProactiveAsync(db, ids, year, report.Proactive!, ct).ConfigureAwait(false);
        return report;
    }

    /// <summary>The agency and, when asked, every agency below it.</summary>
    public static async Task<IReadOnlyList<AgencyRow>> ScopeAsync(GongkaiDbContext db, string agencyId, bool includeSubordinates, CancellationToken ct = default)
    {
        var all = await db.Agencies.AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
        var root = all.SingleOrDefault(a => a.Id == agencyId) ?? throw new KeyNotFoundException($"没有编号为 {agencyId} 的机关");
        var result = new List<AgencyRow> { root };
        for (var i = 0; includeSubordinates && i < result.Count; i++)
        {
            result.AddRange(all.Where(a => a.ParentId == result[i].Id));
        }

        return result;
    }

    /// <summary>The tables computed from the records, with the clerk's edited narrative or, until there is one, a drafted one.</summary>
    public static async Task<AnnualReport> BuildAsync(GongkaiDbContext db, string agencyId, int year, bool includeSubordinates = false, CancellationToken ct = default)
    {
        var report = await TablesAsync(db, agencyId, year, includeSubordinates, ct).ConfigureAwait(false);
        report.Sections = await ReportDrafts.FindAsync(db, agencyId, year, ct).ConfigureAwait(false)
            ?? NarrativeDraft.For(report, await AcceptedSuggestionsAsync(db, agencyId, year, ct).ConfigureAwait(false));
        return report;
    }

    /// <summary>第四十四条 suggestions the agency accepted in the year (China's calendar year, as every count of the report).</summary>
    public static Task<int> AcceptedSuggestionsAsync(GongkaiDbContext db, string agencyId, int year, CancellationToken ct = default)
    {
        var (from, to) = (ChinaClock.StartOfDayUtc(new DateOnly(year, 1, 1)), ChinaClock.StartOfDayUtc(new DateOnly(year + 1, 1, 1)));
        return db.DisclosureSuggestions.CountAsync(s => s.AgencyId == agencyId && s.Accepted && s.DecidedAtUtc >= from && s.DecidedAtUtc < to, ct);
    }

    /// <summary>
    /// The records behind one cell of table 三 (drill-down): the tracking numbers counted in
    /// <paramref name="rowKey"/> for an applicant type (or every type, for 总计).
    /// </summary>
    public static async Task<IReadOnlyList<string>> TraceAsync(GongkaiDbContext db, string agencyId, int year, bool includeSubordinates, string rowKey, Core.Statute.ApplicantType? applicant, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(db, agencyId, includeSubordinates, ct).ConfigureAwait(false);
        var ids = scope.Select(a => a.Id).ToArray();
        var edition = Editions.InForceFor(year);
        var row = RequestTable.Rows(edition).FirstOrDefault(r => r.Key == rowKey) ?? throw new KeyNotFoundException($"表三没有「{rowKey}」行");
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var type = applicant is null ? (int?)null : (int)applicant.Value;
        var closures = db.CaseEvents.Where(e => e.Kind == CaseEventCodes.Decided || e.Kind == CaseEventCodes.Withdrawn);
        var candidates =
            from a in db.Applications
            where ids.Contains(a.AgencyId) && a.ReceivedOn <= last && (type == null || a.ApplicantType == type)
            from c in closures.Where(c => c.ApplicationId == a.Id).DefaultIfEmpty()
            where c == null || c.On >= first
            select new { a.TrackingNumber, a.ReceivedOn, ClosedOn = c == null ? (DateOnly?)null : c.On, Kind = c == null ? null : c.Kind, Outcome = c == null ? null : c.Outcome };
        var outcomes = row.Outcomes.Select(o => (int?)o).ToArray();
        var withdrawnCounts = row.Outcomes.Contains(OutcomeRules.Withdrawal);
        var query = row.Kind switch
        {
            RequestRowKind.Received => candidates.Where(x => x.ReceivedOn >= first),
            RequestRowKind.CarriedOver => candidates.Where(x => x.ReceivedOn < first),
            RequestRowKind.CarriedForward => candidates.Where(x => x.ClosedOn == null || x.ClosedOn > last),
            RequestRowKind.Total => candidates.Where(x => x.ClosedOn != null && x.ClosedOn <= last),
            _ => candidates.Where(x => x.ClosedOn != null && x.ClosedOn <= last
                && ((x.Kind == CaseEventCodes.Decided && outcomes.Contains(x.Outcome)) || (withdrawnCounts && x.Kind == CaseEventCodes.Withdrawn))),
        };
        return await query.OrderBy(x => x.TrackingNumber).Select(x => x.TrackingNumber).ToListAsync(ct).ConfigureAwait(false);
    }

    private static async Task FillRequestsAsync(GongkaiDbContext db, string[] ids, int year, RequestData data, CancellationToken ct)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        // One integer group key per case (applicant type, new or carried over, and how it stood on
        // 31 Dec: open, withdrawn or decided with an outcome), read from the closure projection on the
        // application row (Cases/CaseClosure, written with the closing event). The cases of the year are
        // those still open and those closed since 1 January: two range scans of the covering index
        // IX_applications_report (AgencyId, ClosedOn, ReceivedOn, …), no join, and no reading of the
        // years of cases closed before — 1,000,000 applications in 0.3 s on SQLite, 10,000,000 over 2,000
        // agencies within the 3 s of a province on PostgreSQL.
        var cases = db.Applications.Where(a => ids.Contains(a.AgencyId) && a.ReceivedOn <= last);
        var open = await (
            from a in cases.Where(a => a.ClosedOn == null)
            group a by a.ApplicantType + (a.ReceivedOn >= first ? KeyNew : 0) into g
            select new { Key = g.Key, Count = g.Count() })
            .ToListAsync(ct).ConfigureAwait(false);
        var closed = await (
            from a in cases.Where(a => a.ClosedOn >= first)
            group a by a.ApplicantType
                + (a.ReceivedOn >= first ? KeyNew : 0)
                + (a.ClosedOn <= last ? a.ClosedState!.Value * KeyState : 0) into g
            select new { Key = g.Key, Count = g.Count() })
            .ToListAsync(ct).ConfigureAwait(false);
        var groups = open.Concat(closed);

        foreach (var row in data.Rows)
        {
            data[row] = [0, 0, 0, 0, 0, 0, 0];
        }

        void Add(RequestRow row, int applicant, int count)
        {
            data[row]![applicant] += count;
            data[row]![ApplicantColumns.Total.Index] += count;
        }

        foreach (var g in groups)
        {
            var (applicant, isNew, state) = (g.Key % KeyNew, g.Key % KeyState >= KeyNew, g.Key / KeyState);
            Add(RequestTable.Row(data.Edition, isNew ? RequestRowKind.Received : RequestRowKind.CarriedOver), applicant, g.Count);
            if (state > 0)
            {
                var outcome = state == WithdrawnState ? OutcomeRules.Withdrawal : (Outcome)(state - 1);
                Add(RequestTable.RowFor(outcome, data.Edition), applicant, g.Count);
                Add(RequestTable.Row(data.Edition, RequestRowKind.Total), applicant, g.Count);
            }
            else
            {
                Add(RequestTable.Row(data.Edition, RequestRowKind.CarriedForward), applicant, g.Count);
            }
        }
    }

    private static async Task FillAppealsAsync(GongkaiDbContext db, string[] ids, int year, AppealData data, CancellationToken ct)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        // AppealCounting's rule in SQL: filed this year (result if decided by 31 December, else pending),
        // or filed earlier and concluded this year (its result).
        var groups = await db.Appeals
            .Where(a => ids.Contains(a.AgencyId)
                && ((a.FiledOn >= first && a.FiledOn <= last)
                    || (a.FiledOn < first && a.Result != null && a.DecidedOn >= first && a.DecidedOn <= last)))
            .GroupBy(a => new { a.Kind, Result = a.Result == null || a.DecidedOn == null || a.DecidedOn > last ? (int?)null : a.Result })
            .Select(g => new { g.Key.Kind, g.Key.Result, Count = g.Count() })
            .ToListAsync(ct).ConfigureAwait(false);
        foreach (var group in AppealTable.Groups)
        {
            data[group] = new int?[AppealTable.Columns.Count].Select(_ => (int?)0).ToArray();
        }

        foreach (var g in groups)
        {
            var cells = data[AppealCounting.GroupOf((AppealKind)g.Kind)]!;
            cells[AppealCounting.ColumnOf(g.Result is { } r ? (AppealResult)r : null).Index] += g.Count;
            cells[AppealTable.Total.Index] += g.Count;
        }
    }

    private static async Task FillProactiveAsync(GongkaiDbContext db, string[] ids, int year, ProactiveData data, CancellationToken ct)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var docs = db.NormativeDocuments.Where(n => ids.Contains(n.AgencyId));
        foreach (var (key, kind) in new[] { ("rules", (int)NormativeKind.Rule), ("normativeDocuments", (int)NormativeKind.NormativeDocument) })
        {
            var ofKind = docs.Where(d => d.Kind == kind);
            var issued = await ofKind.CountAsync(d => d.IssuedOn >= first && d.IssuedOn <= last, ct).ConfigureAwait(false);
            var repealed = await ofKind.CountAsync(d => d.RepealedOn >= first && d.RepealedOn <= last, ct).ConfigureAwait(false);
            var inForce = await ofKind.CountAsync(d => d.IssuedOn <= last && (d.RepealedOn == null || d.RepealedOn > last), ct).ConfigureAwait(false);
            data[key] = data.Edition == Edition.V2021 ? [issued, repealed, inForce] : [issued, issued, inForce];
        }

        var years = db.ProactiveYears.Where(p => ids.Contains(p.AgencyId) && p.Year == year);
        var known = await years.AnyAsync(ct).ConfigureAwait(false);
        int? licensing = known ? await years.SumAsync(p => p.Licensing, ct).ConfigureAwait(false) : null;
        int? penalties = known ? await years.SumAsync(p => p.Penalties, ct).ConfigureAwait(false) : null;
        int? enforcement = known ? await years.SumAsync(p => p.Enforcement, ct).ConfigureAwait(false) : null;
        // Summed here: SQLite has no decimal aggregate. Adding 0.0000 keeps four places (万元, as filed) on both providers.
        decimal? fees = known ? (await years.Select(p => p.FeesAmount).ToListAsync(ct).ConfigureAwait(false)).Sum() + 0.0000m : null;
        if (data.Edition == Edition.V2021)
        {
            data["licensing"] = [licensing];
            data["penalties"] = [penalties];
            data["enforcement"] = [enforcement];
            data["fees"] = [fees];
        }
        else
        {
            // One row per agency in scope: small, so the 2019 figures are summed here. A figure is
            // summed only when every agency recorded it; otherwise it stays blank.
            var legacy = await years.AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
            decimal? Sum(Func<ProactiveYearRow, decimal?> pick) =>
                legacy.Count > 0 && legacy.All(x => pick(x) is not null) ? legacy.Sum(x => pick(x)!.Value) : null;
            data["licensing"] = [Sum(x => x.LicensingPrevious), Sum(x => x.LicensingChange), licensing];
            data["otherServices"] = [Sum(x => x.OtherServicesPrevious), Sum(x => x.OtherServicesChange), Sum(x => x.OtherServicesDecisions)];
            data["penalties"] = [Sum(x => x.PenaltiesPrevious), Sum(x => x.PenaltiesChange), penalties];
            data["enforcement"] = [Sum(x => x.EnforcementPrevious), Sum(x => x.EnforcementChange), enforcement];
            data["fees"] = [Sum(x => x.FeesPrevious), Sum(x => x.FeesChange)];
            data["procurement"] = [Sum(x => x.ProcurementProjects), Sum(x => x.ProcurementAmount) + 0.0000m];
        }
    }
}
