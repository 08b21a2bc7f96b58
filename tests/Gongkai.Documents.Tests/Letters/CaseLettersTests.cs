using Gongkai.Core.Cases;
using Gongkai.Core.Statute;
using Gongkai.Documents.Letters;
using Gongkai.Testing;

namespace Gongkai.Documents.Tests.Letters;

public class CaseLettersTests
{
    private static readonly CaseFacts Facts = new("20250303-123456", "北关区灯塔路街道办事处", "张三", "某小区改造方案", "zhang@example.cn", "北关区灯塔路1号");

    private static string DecisionText(Outcome outcome, DateOnly decided, CaseFacts? facts = null)
    {
        var ledger = new CaseBuilder().ReceivedOn(decided.Year, 1, 5).Then(new Decided(decided, outcome, "理由")).Build();
        return string.Join("\n", CaseLetters.For(LetterKind.Decision, facts ?? Facts, ledger).Paragraphs);
    }

    [Fact]
    public void WithheldIn2025_NamesReconsiderationAsTheRequiredFirstStep()
    {
        var text = DecisionText(Outcome.InternalAffairs, new DateOnly(2025, 2, 10));
        Assert.Contains("应当自收到本答复之日起60日内先依法申请行政复议", text, StringComparison.Ordinal);
        Assert.DoesNotContain("6个月内依法提起行政诉讼", text, StringComparison.Ordinal);
    }

    [Fact]
    public void DisclosedIn2025_KeepsTheChoice()
    {
        var text = DecisionText(Outcome.Disclosed, new DateOnly(2025, 2, 10));
        Assert.Contains("60日内依法申请行政复议，或者自收到本答复之日起6个月内依法提起行政诉讼", text, StringComparison.Ordinal);
        Assert.DoesNotContain("第二十三条", text, StringComparison.Ordinal);
    }

    [Fact]
    public void WithheldIn2023_UsesTheOldWording()
    {
        var text = DecisionText(Outcome.InternalAffairs, new DateOnly(2023, 6, 1));
        Assert.Contains("或者自收到本答复之日起6个月内依法提起行政诉讼", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Decision_StatesWhereItIsDelivered()
    {
        Assert.Contains("送达地址：北关区灯塔路1号；电子邮箱：zhang@example.cn。", DecisionText(Outcome.Disclosed, new DateOnly(2025, 2, 10)), StringComparison.Ordinal);
        Assert.DoesNotContain("送达", DecisionText(Outcome.Disclosed, new DateOnly(2025, 2, 10), Facts with { Email = null, Address = null }), StringComparison.Ordinal);
    }
}
