using Gongkai.Core.Deadlines;
using Gongkai.Core.Cases;
using Gongkai.Core.Statute;
using Gongkai.Testing;

namespace Gongkai.Core.Tests.Cases;

public class CaseLedgerTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void Deciding_WhileACorrectionIsPending_IsRefusedWithTheReason()
    {
        var ledger = new CaseBuilder().ReceivedOn(2024, 3, 1).Then(new CorrectionRequested(D(2024, 3, 5))).Build();
        var e = Assert.Throws<LedgerException>(() => ledger.Append(new Decided(D(2024, 3, 8), Outcome.Disclosed)));
        Assert.Contains("尚未收到补正", e.Message, StringComparison.Ordinal);
        ledger.Append(new Decided(D(2024, 4, 8), Outcome.NoCorrection));
        Assert.Equal(CaseStatus.Decided, ledger.Status);
    }

    [Fact]
    public void NoCorrection_IsRefusedUntilTheCorrectionPeriodEnds()
    {
        // Notice sent 2025-03-03 (Mon) with the default 15 working days: the period ends 2025-03-24.
        var ledger = new CaseBuilder().ReceivedOn(2025, 2, 27).Then(new CorrectionRequested(D(2025, 3, 3), Items: "请写明文件名称或文号")).Build();
        Assert.Equal(D(2025, 3, 24), CaseDeadlines.CorrectionPeriodEnd(ledger)!.Date);
        var early = Assert.Throws<LedgerException>(() => ledger.Append(new Decided(D(2025, 3, 4), Outcome.NoCorrection)));
        Assert.Contains("补正期限至 2025-03-24 届满", early.Message, StringComparison.Ordinal);
        Assert.Throws<LedgerException>(() => ledger.Append(new Decided(D(2025, 3, 24), Outcome.NoCorrection)));
        ledger.Append(new Decided(D(2025, 3, 25), Outcome.NoCorrection));
        Assert.Equal(CaseStatus.Decided, ledger.Status);
    }

    [Fact]
    public void CorrectionPeriod_IsWhatTheNoticeGave_WithinReason()
    {
        var five = new CaseBuilder().ReceivedOn(2025, 2, 27).Then(new CorrectionRequested(D(2025, 3, 3), 5)).Build();
        Assert.Equal(D(2025, 3, 10), CaseDeadlines.CorrectionPeriodEnd(five)!.Date);
        Assert.Contains("补正期限应为", Assert.Throws<LedgerException>(() => new CaseBuilder().ReceivedOn(2025, 2, 27).Then(new CorrectionRequested(D(2025, 3, 3), 0)).Build()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CorrectionIsRequestedOnlyOnce()
    {
        var ledger = new CaseBuilder().ReceivedOn(2024, 3, 1).Then(new CorrectionRequested(D(2024, 3, 5))).Then(new CorrectionReceived(D(2024, 3, 6))).Build();
        Assert.Contains("一次性告知", Assert.Throws<LedgerException>(() => ledger.Append(new CorrectionRequested(D(2024, 3, 7)))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EventsMustBeInDateOrder()
    {
        var ledger = new CaseBuilder().ReceivedOn(2024, 3, 1).Build();
        Assert.Throws<LedgerException>(() => ledger.Append(new CorrectionRequested(D(2024, 2, 28))));
    }

    [Fact]
    public void NothingFollowsADecision()
    {
        var ledger = new CaseBuilder().ReceivedOn(2024, 3, 1).Then(new Decided(D(2024, 3, 4), Outcome.Disclosed)).Build();
        Assert.Throws<LedgerException>(() => ledger.Append(new Withdrawn(D(2024, 3, 5))));
    }

    [Fact]
    public void StillUnclear_RequiresACorrection()
    {
        var ledger = new CaseBuilder().ReceivedOn(2024, 3, 1).Build();
        Assert.Throws<LedgerException>(() => ledger.Append(new Decided(D(2024, 3, 4), Outcome.StillUnclear)));
    }

    [Fact]
    public void AnsweringDuringAConsultation_IsRefused()
    {
        var ledger = new CaseBuilder().ReceivedOn(2024, 3, 1).Then(new ConsultationSent(D(2024, 3, 4), ConsultationParty.ThirdParty)).Build();
        Assert.Throws<LedgerException>(() => ledger.Append(new Decided(D(2024, 3, 5), Outcome.Disclosed)));
        ledger.Append(new ConsultationAnswered(D(2024, 3, 6))).Append(new Decided(D(2024, 3, 7), Outcome.ThirdPartyRights));
        Assert.Equal(CaseStatus.Decided, ledger.Status);
    }
}
