using System.Globalization;
using Gongkai.Core.Cases;
using Gongkai.Core.Identity;
using Gongkai.Core.Statute;
using Gongkai.Data.Cases;
using Gongkai.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Demo;

/// <summary>What <c>gongkai demo seed</c> creates.</summary>
public sealed record DemoOptions(int Agencies = 6, int FirstYear = 2021, int LastYear = 2025, int Applications = 600, int Seed = 20261122);

/// <summary>
/// A realistic demo district: 北关区人民政府 with departments and 街道办事处 (valid 统一社会信用代码),
/// and for each agency applications over the years from every channel, with 补正, consultations,
/// extensions, fees, decisions weighted like real reports, withdrawals, cases open at year ends,
/// appeals, normative documents and yearly counts. Deterministic for a given seed.
/// </summary>
public static class DemoSeeder
{
    public const string DistrictId = "BGQ";

    private static readonly string[] _units =
        ["北关区教育局", "北关区生态环境局", "北关区住房和城乡建设局", "北关区人力资源和社会保障局", "北关区灯塔路街道办事处", "北关区滨河街道办事处", "北关区城南街道办事处", "北关区市场监督管理局"];

    /// <summary>Outcomes weighted roughly like published reports (予以公开 and 不掌握 most common).</summary>
    private static readonly (Outcome Outcome, int Weight)[] _outcomes =
    [
        (Outcome.Disclosed, 40), (Outcome.PartlyDisclosed, 12), (Outcome.NotHeld, 22), (Outcome.NeedsCreation, 3),
        (Outcome.ThirdPartyRights, 2), (Outcome.Deliberative, 2), (Outcome.InternalAffairs, 1), (Outcome.EnforcementFiles, 1),
        (Outcome.QueryMatters, 3), (Outcome.Petition, 4), (Outcome.Duplicate, 3), (Outcome.Publication, 1), (Outcome.OtherHandling, 3),
    ];

    public static async Task<int> SeedAsync(GongkaiDbContext db, DemoOptions options, CancellationToken ct = default)
    {
        if (await db.Agencies.AnyAsync(ct).ConfigureAwait(false))
        {
            return 0;
        }

        var random = new Random(options.Seed);
        var agencies = new List<AgencyRow> { Agency(DistrictId, "北关区人民政府", null, 0) };
        for (var i = 0; i < Math.Min(options.Agencies, _units.Length); i++)
        {
            agencies.Add(Agency($"BGQ-{i + 1:D2}", _units[i], DistrictId, i + 1));
        }

        db.Agencies.AddRange(agencies);
        foreach (var agency in agencies)
        {
            for (var year = options.FirstYear; year <= options.LastYear; year++)
            {
                var row = new ProactiveYearRow
                {
                    AgencyId = agency.Id, Year = year, Licensing = random.Next(0, 3000), Penalties = random.Next(0, 800),
                    Enforcement = random.Next(0, 60), FeesAmount = Math.Round((decimal)random.NextDouble() * 50, 4) + 0.0000m,
                };
                if (year <= 2020)
                {
                    // The 2019 edition asks for project counts too (国办公开办函〔2019〕60号).
                    (row.LicensingPrevious, row.LicensingChange) = (random.Next(20, 200), random.Next(-10, 11));
                    (row.OtherServicesPrevious, row.OtherServicesChange, row.OtherServicesDecisions) = (random.Next(5, 60), random.Next(-5, 6), random.Next(0, 500));
                    (row.PenaltiesPrevious, row.PenaltiesChange) = (random.Next(20, 300), random.Next(-10, 11));
                    (row.EnforcementPrevious, row.EnforcementChange) = (random.Next(0, 30), random.Next(-3, 4));
                    (row.FeesPrevious, row.FeesChange) = (random.Next(0, 10), random.Next(-1, 2));
                    (row.ProcurementProjects, row.ProcurementAmount) = (random.Next(0, 20), Math.Round((decimal)random.NextDouble() * 500, 4) + 0.0000m);
                }

                db.ProactiveYears.Add(row);
            }

            for (var n = random.Next(2, 12); n > 0; n--)
            {
                var issued = new DateOnly(random.Next(options.FirstYear - 4, options.LastYear + 1), random.Next(1, 13), random.Next(1, 29));
                db.NormativeDocuments.Add(new NormativeRow
                {
                    AgencyId = agency.Id, Title = $"关于进一步规范{agency.Name[3..]}工作的通知", Kind = random.Next(8) == 0 && agency.ParentId is null ? 0 : 1,
                    IssuedOn = issued, RepealedOn = random.Next(4) == 0 ? issued.AddDays(random.Next(200, 1500)) : null,
                });
            }
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        var store = new CaseStore(db);
        var total = 0;
        foreach (var agency in agencies)
        {
            var count = options.Applications / agencies.Count + (agency.ParentId is null ? options.Applications % agencies.Count : 0);
            var records = Applications(random, agency.Id, count, options.FirstYear, options.LastYear);
            await store.ImportAsync(agency.Id, records, "演示数据", ct).ConfigureAwait(false);
            foreach (var record in records.Where(r => r.Ledger.Decision is not null && random.Next(25) == 0))
            {
                var filed = record.Ledger.Decision!.On.AddDays(random.Next(10, 60));
                var decided = random.Next(4) == 0 ? (DateOnly?)null : filed.AddDays(random.Next(40, 150));
                db.Appeals.Add(new AppealRow
                {
                    AgencyId = agency.Id, ApplicationTrackingNumber = record.TrackingNumber, Kind = random.Next(5) switch { < 3 => 0, 3 => 1, _ => 2 },
                    FiledOn = filed, DecidedOn = decided, Result = decided is null ? null : random.Next(10) switch { < 7 => 0, < 9 => 1, _ => 2 },
                });
            }

            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            total += records.Count;
        }

        return total;
    }

    private static AgencyRow Agency(string id, string name, string? parent, int index)
    {
        var first17 = string.Create(CultureInfo.InvariantCulture, $"11130102{(10000000 + index * 7919) % 100000000:D8}{index % 10}");
        return new AgencyRow
        {
            Id = id, Name = name, ParentId = parent, CreditCode = first17 + CreditCode.CheckCharacter(first17),
            Address = $"北关区人民路{index + 1}号", OfficeHours = "周一至周五 上午9:00—12:00，下午13:30—17:30（法定节假日除外）",
            Phone = string.Create(CultureInfo.InvariantCulture, $"0311-8{index:D3}6000"), Fax = string.Create(CultureInfo.InvariantCulture, $"0311-8{index:D3}6001"),
            OnlineChannel = "北关区人民政府门户网站「依申请公开」栏目",
            // The district government itself: reconsideration by the city government; the district court for all.
            ReconsiderationBody = parent is null ? "石家庄市人民政府" : null,
            Court = parent is null ? "石家庄市北关区人民法院" : null,
        };
    }

    private static List<ApplicationRecord> Applications(Random random, string agencyId, int count, int firstYear, int lastYear)
    {
        var result = new List<ApplicationRecord>(count);
        var start = new DateOnly(firstYear, 1, 1).DayNumber;
        var span = new DateOnly(lastYear, 12, 31).DayNumber - start;
        for (var i = 0; i < count; i++)
        {
            var received = DateOnly.FromDayNumber(start + random.Next(span + 1));
            var ledger = new CaseLedger(new ApplicationReceived(received, (ReceiptChannel)random.Next(6)));
            Walk(random, ledger);
            var applicant = random.Next(100) switch { < 82 => ApplicantType.Natural, < 90 => ApplicantType.Commercial, < 92 => ApplicantType.Research, < 94 => ApplicantType.Nonprofit, < 98 => ApplicantType.Legal, _ => ApplicantType.Other };
            result.Add(new ApplicationRecord(string.Create(CultureInfo.InvariantCulture, $"{agencyId}-{received.Year}-{i + 1:D6}"), applicant, ledger));
        }

        return result;
    }

    /// <summary>A plausible course of handling; steps the ledger refuses are skipped.</summary>
    private static void Walk(Random random, CaseLedger ledger)
    {
        var day = ledger.Receipt.On;
        void Try(CaseEvent e)
        {
            try
            {
                ledger.Append(e);
            }
            catch (LedgerException)
            {
            }
        }

        if (random.Next(8) == 0)
        {
            Try(new CorrectionRequested(day = day.AddDays(random.Next(1, 7))));
            if (random.Next(4) == 0)
            {
                Try(new Decided(day.AddDays(40), Outcome.NoCorrection));
                return;
            }

            Try(new CorrectionReceived(day = day.AddDays(random.Next(3, 20))));
        }

        if (random.Next(12) == 0)
        {
            Try(new ConsultationSent(day = day.AddDays(random.Next(2, 8)), ConsultationParty.ThirdParty));
            Try(new ConsultationAnswered(day = day.AddDays(random.Next(3, 20))));
        }

        if (random.Next(10) == 0)
        {
            Try(new ExtensionApproved(day = day.AddDays(random.Next(10, 25)), random.Next(5, 21), "分管领导"));
        }

        if (random.Next(40) == 0)
        {
            Try(new FeeNoticeSent(day = day.AddDays(random.Next(2, 10))));
            Try(new FeeNoticeReceived(day = day.AddDays(random.Next(1, 4))));
            if (random.Next(2) == 0)
            {
                Try(new Decided(day.AddDays(35), Outcome.UnpaidFee));
                return;
            }

            Try(new FeePaid(day = day.AddDays(random.Next(1, 15))));
        }

        if (random.Next(30) == 0)
        {
            Try(new Withdrawn(day.AddDays(random.Next(1, 10))));
            return;
        }

        var outcome = Pick(random);
        Try(new Decided(day.AddDays(random.Next(1, 30)), ledger.Correction is not null && random.Next(6) == 0 ? Outcome.StillUnclear : outcome));
    }

    private static Outcome Pick(Random random)
    {
        var roll = random.Next(_outcomes.Sum(o => o.Weight));
        foreach (var (outcome, weight) in _outcomes)
        {
            if ((roll -= weight) < 0)
            {
                return outcome;
            }
        }

        return Outcome.Disclosed;
    }
}
