using Gongkai.Core.Cases;
using Gongkai.Core.Vocabulary;

namespace Gongkai.Core.Tests.Vocabulary;

public class VocabularyTests
{
    /// <summary>Every vocabulary, as (name, every term's value/code/label, parse).</summary>
    public static TheoryData<string> Names => new(nameof(Vocabularies.Channels), nameof(Vocabularies.EventKinds), nameof(Vocabularies.AppealKinds),
        nameof(Vocabularies.AppealResults), nameof(Vocabularies.NormativeKinds), nameof(Vocabularies.ReviewSteps));

    private static IEnumerable<(object Value, string Code, string Label, Func<string, object?> Parse)> Terms(string name) => name switch
    {
        nameof(Vocabularies.Channels) => Of(Vocabularies.Channels),
        nameof(Vocabularies.EventKinds) => Of(Vocabularies.EventKinds),
        nameof(Vocabularies.AppealKinds) => Of(Vocabularies.AppealKinds),
        nameof(Vocabularies.AppealResults) => Of(Vocabularies.AppealResults),
        nameof(Vocabularies.NormativeKinds) => Of(Vocabularies.NormativeKinds),
        nameof(Vocabularies.ReviewSteps) => Of(Vocabularies.ReviewSteps),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static IEnumerable<(object, string, string, Func<string, object?>)> Of<T>(Vocabulary<T> v)
        where T : struct, Enum
    {
        Assert.Equal(Enum.GetValues<T>().Length, v.Terms.Count);
        return v.Terms.Select(t => ((object)t.Value, t.Code, t.Label, (Func<string, object?>)(s => v.TryParse(s, out var x) ? x : null)));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void EveryValue_RoundTripsThroughItsCodeAndItsLabel(string name)
    {
        var terms = Terms(name).ToList();
        Assert.Equal(terms.Count, terms.Select(t => t.Code).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(terms.Count, terms.Select(t => t.Label).Distinct(StringComparer.Ordinal).Count());
        foreach (var (value, code, label, parse) in terms)
        {
            Assert.Equal(value, parse(code));
            Assert.Equal(value, parse(label));
            Assert.Equal(value, parse($" {code.ToUpperInvariant()} "));
            Assert.Matches("^[A-Za-z][A-Za-z-]*$", code);
        }

        Assert.Null(Terms(name).First().Parse("不存在的值"));
    }

    [Fact]
    public void EveryEvent_HasTheKindWhoseCodeIsStored()
    {
        var on = new DateOnly(2025, 3, 3);
        CaseEvent[] all =
        [
            new ApplicationReceived(on, ReceiptChannel.Online), new CorrectionRequested(on), new CorrectionReceived(on), new ConsultationSent(on, ConsultationParty.ThirdParty),
            new ConsultationAnswered(on), new ExtensionApproved(on, 5, "吴"), new FeeNoticeSent(on), new FeeNoticeReceived(on), new FeePaid(on),
            new Decided(on, Gongkai.Core.Statute.Outcome.Disclosed), new Withdrawn(on),
        ];
        Assert.Equal(Enum.GetValues<CaseEventKind>().Order(), all.Select(e => e.KindOf()).Order());
        Assert.Equal(CaseEventCodes.Decided, new Decided(on, Gongkai.Core.Statute.Outcome.Disclosed).CodeOf());
        Assert.Equal(CaseEventCodes.Withdrawn, Vocabularies.EventKinds.Code(CaseEventKind.Withdrawn));
    }

    [Fact]
    public void UnknownValue_SaysWhatItIsAndTheChoices()
    {
        var message = Vocabularies.Channels.NotA("飞鸽");
        Assert.Equal("「飞鸽」不是申请渠道（in-person 当面、oral 口头代填、registered-post 邮寄-挂号、letter 邮寄-平信、online 网络、fax 传真）", message);
    }
}
