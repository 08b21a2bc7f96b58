using Gongkai.Core.Cases;

namespace Gongkai.Testing;

/// <summary>Builds case ledgers with sensible defaults: <c>new CaseBuilder().ReceivedOn(…).Then(…).Build()</c>.</summary>
public sealed class CaseBuilder
{
    private DateOnly _received = new(2024, 3, 1);
    private ReceiptChannel _channel = ReceiptChannel.InPerson;
    private readonly List<CaseEvent> _events = [];

    public CaseBuilder ReceivedOn(int year, int month, int day, ReceiptChannel channel = ReceiptChannel.InPerson)
    {
        _received = new DateOnly(year, month, day);
        _channel = channel;
        return this;
    }

    public CaseBuilder Then(CaseEvent e)
    {
        _events.Add(e);
        return this;
    }

    public CaseLedger Build()
    {
        var ledger = new CaseLedger(new ApplicationReceived(_received, _channel));
        foreach (var e in _events)
        {
            ledger.Append(e);
        }

        return ledger;
    }
}
