using Gongkai.Core.Cases;
using Gongkai.Core.Statute;

namespace Gongkai.Testing;

/// <summary>
/// Random but legal case histories: applications received over several years, each followed by
/// a random walk of ledger events (补正, consultation, extension, fee, decision, withdrawal), some
/// still open at a year end. Events the ledger refuses are simply not taken, so every history
/// is one the product would accept.
/// </summary>
public static class CaseHistoryGenerator
{
    public static List<ApplicationRecord> Applications(Random random, int count, int firstYear, int lastYear)
    {
        var result = new List<ApplicationRecord>(count);
        var span = new DateOnly(lastYear, 12, 31).DayNumber - new DateOnly(firstYear, 1, 1).DayNumber;
        for (var i = 0; i < count; i++)
        {
            var received = DateOnly.FromDayNumber(new DateOnly(firstYear, 1, 1).DayNumber + random.Next(span + 1));
            var channel = (ReceiptChannel)random.Next(Enum.GetValues<ReceiptChannel>().Length);
            var ledger = new CaseLedger(new ApplicationReceived(received, channel));
            Walk(random, ledger);
            var applicant = random.Next(10) < 7 ? ApplicantType.Natural : (ApplicantType)random.Next(1, 6);
            result.Add(new ApplicationRecord($"GK-{i:D6}", applicant, ledger));
        }

        return result;
    }

    private static void Walk(Random random, CaseLedger ledger)
    {
        var day = ledger.Receipt.On;
        for (var step = 0; step < 8 && ledger.Status is not (CaseStatus.Decided or CaseStatus.Withdrawn); step++)
        {
            day = day.AddDays(random.Next(1, 12));
            CaseEvent e = random.Next(12) switch
            {
                0 => new CorrectionRequested(day),
                1 => new CorrectionReceived(day),
                2 => new ConsultationSent(day, random.Next(2) == 0 ? ConsultationParty.ThirdParty : ConsultationParty.Agency),
                3 => new ConsultationAnswered(day),
                4 => new ExtensionApproved(day, random.Next(1, 21), "分管领导"),
                5 => new FeeNoticeSent(day),
                6 => new FeeNoticeReceived(day),
                7 => new FeePaid(day),
                8 => new Withdrawn(day),
                9 when ledger.Status == CaseStatus.AwaitingCorrection => new Decided(day.AddDays(30), Outcome.NoCorrection),
                10 when ledger.FeeNoticeDelivery is not null && ledger.Payment is null => new Decided(day.AddDays(40), Outcome.UnpaidFee),
                _ => new Decided(day, (Outcome)random.Next(Enum.GetValues<Outcome>().Length)),
            };
            try
            {
                ledger.Append(e);
            }
            catch (LedgerException)
            {
                // not legal at this point: the walk takes another step instead
            }
        }
    }

    public static List<AppealRecord> Appeals(Random random, IReadOnlyList<ApplicationRecord> applications, int count)
    {
        var result = new List<AppealRecord>();
        foreach (var a in applications.Where(a => a.Ledger.Decision is not null).OrderBy(_ => random.Next()).Take(count))
        {
            var filed = a.Ledger.Decision!.On.AddDays(random.Next(5, 60));
            var decided = random.Next(3) == 0 ? (DateOnly?)null : filed.AddDays(random.Next(30, 200));
            result.Add(new AppealRecord(a.TrackingNumber, (AppealKind)random.Next(3), filed, decided is null ? null : (AppealResult)random.Next(3), decided));
        }

        return result;
    }

    public static List<NormativeRecord> Normative(Random random, int count, int firstYear, int lastYear)
    {
        var result = new List<NormativeRecord>();
        for (var i = 0; i < count; i++)
        {
            var issued = new DateOnly(random.Next(firstYear - 3, lastYear + 1), random.Next(1, 13), random.Next(1, 29));
            DateOnly? repealed = random.Next(3) == 0 ? issued.AddDays(random.Next(30, 2000)) : null;
            result.Add(new NormativeRecord($"文件{i}", random.Next(5) == 0 ? NormativeKind.Rule : NormativeKind.NormativeDocument, issued, repealed));
        }

        return result;
    }
}
