using Gongkai.Core.Cases;
using Gongkai.Core.Statute;

namespace Gongkai.Core.Reports;

/// <summary>
/// Builds the annual report's tables from the records, so nobody retypes a number: table 三 from the
/// applications (上年结转 = received before 1 January and still open that day; 结转下年度 = open on
/// 31 December; each case closed in the year counted once, in its outcome row and applicant
/// column), table 四 from the appeals (<see cref="AppealCounting"/>: filed in the year, 尚未审结 if
/// undecided on 31 December; concluded in the year after being pending at an earlier year end),
/// table 二 from the normative documents and yearly counts. This in-memory builder is the
/// reference the storage layer's SQL aggregation is tested against.
/// </summary>
public static class ReportFromRecords
{
    public static AnnualReport Build(
        string agency,
        int year,
        IEnumerable<ApplicationRecord> applications,
        IEnumerable<AppealRecord> appeals,
        IEnumerable<NormativeRecord> normative,
        ProactiveYear? counts)
    {
        var edition = Editions.InForceFor(year);
        var report = AnnualReport.Blank(year, edition);
        report.Agency = agency;
        FillRequests(report.Requests!, year, applications);
        FillAppeals(report.Appeals!, year, appeals);
        FillProactive(report.Proactive!, year, normative.ToArray(), counts);
        return report;
    }

    private static void FillRequests(RequestData data, int year, IEnumerable<ApplicationRecord> applications)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        foreach (var row in data.Rows)
        {
            data[row] = new int?[ApplicantColumns.Count];
            for (var c = 0; c < ApplicantColumns.Count; c++)
            {
                data[row]![c] = 0;
            }
        }

        void Count(RequestRow row, ApplicantType applicant)
        {
            var cells = data[row]!;
            cells[(int)applicant]++;
            cells[ApplicantColumns.Total.Index]++;
        }

        var received = RequestTable.Row(data.Edition, RequestRowKind.Received);
        var carriedOver = RequestTable.Row(data.Edition, RequestRowKind.CarriedOver);
        var total = RequestTable.Row(data.Edition, RequestRowKind.Total);
        var forward = RequestTable.Row(data.Edition, RequestRowKind.CarriedForward);
        foreach (var a in applications)
        {
            if (a.ReceivedOn > last || (a.ClosedOn is { } closedBefore && closedBefore < first))
            {
                continue; // not part of this year's workload
            }

            Count(a.ReceivedOn >= first ? received : carriedOver, a.Applicant);
            if (a.ClosedOn is { } closed && closed <= last && a.CountedOutcome is { } outcome)
            {
                Count(RequestTable.RowFor(outcome, data.Edition), a.Applicant);
                Count(total, a.Applicant);
            }
            else
            {
                Count(forward, a.Applicant);
            }
        }
    }

    private static void FillAppeals(AppealData data, int year, IEnumerable<AppealRecord> appeals)
    {
        foreach (var group in AppealTable.Groups)
        {
            data[group] = new int?[AppealTable.Columns.Count].Select(_ => (int?)0).ToArray();
        }

        foreach (var appeal in appeals)
        {
            if (AppealCounting.ColumnIn(appeal, year) is { } column)
            {
                var cells = data[AppealCounting.GroupOf(appeal.Kind)]!;
                cells[column.Index]++;
                cells[AppealTable.Total.Index]++;
            }
        }
    }

    private static void FillProactive(ProactiveData data, int year, NormativeRecord[] normative, ProactiveYear? counts)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        foreach (var (key, kind) in new[] { ("rules", NormativeKind.Rule), ("normativeDocuments", NormativeKind.NormativeDocument) })
        {
            var docs = normative.Where(n => n.Kind == kind).ToArray();
            var issued = docs.Count(d => d.IssuedOn >= first && d.IssuedOn <= last);
            var inForce = docs.Count(d => d.InForceOn(last));
            if (data.Edition == Edition.V2021)
            {
                data[key] = [issued, docs.Count(d => d.RepealedOn is { } r && r >= first && r <= last), inForce];
            }
            else
            {
                data[key] = [issued, issued, inForce];
            }
        }

        if (data.Edition == Edition.V2021)
        {
            data["licensing"] = [counts?.Licensing];
            data["penalties"] = [counts?.Penalties];
            data["enforcement"] = [counts?.Enforcement];
            data["fees"] = [counts?.FeesTenThousandYuan];
        }
        else
        {
            // Without the 2019 edition's project counts only the decisions are known; the blanks
            // are then reported by the checker.
            var l = counts?.Legacy;
            data["licensing"] = [l?.LicensingPrevious, l?.LicensingChange, counts?.Licensing];
            data["otherServices"] = [l?.OtherServicesPrevious, l?.OtherServicesChange, l?.OtherServicesDecisions];
            data["penalties"] = [l?.PenaltiesPrevious, l?.PenaltiesChange, counts?.Penalties];
            data["enforcement"] = [l?.EnforcementPrevious, l?.EnforcementChange, counts?.Enforcement];
            data["fees"] = [l?.FeesPrevious, l?.FeesChange];
            data["procurement"] = [l?.ProcurementProjects, l?.ProcurementAmount];
        }
    }
}
