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

    [Fact]
    public void Letters_AddressAPersonAsYou_AndAnOrganisationAsYourUnit()
    {
        var person = DecisionText(Outcome.Disclosed, new DateOnly(2025, 2, 10));
        Assert.Contains("你于2025年1月5日向本机关提出", person, StringComparison.Ordinal);
        Assert.DoesNotContain("（单位）", person, StringComparison.Ordinal);
        var unit = DecisionText(Outcome.NotHeld, new DateOnly(2025, 2, 10), Facts with { Organisation = true });
        Assert.Contains("你单位于2025年1月5日", unit, StringComparison.Ordinal);
        Assert.Contains("获取你单位申请的政府信息", unit, StringComparison.Ordinal);
        Assert.DoesNotContain("（单位）", unit, StringComparison.Ordinal);
    }

    [Fact]
    public void Decision_NamesTheReconsiderationBodyAndTheCourtFromTheAgencysSettings()
    {
        var facts = Facts with { ReconsiderationBody = "北关区人民政府", Court = "石家庄市北关区人民法院" };
        var withheld = DecisionText(Outcome.InternalAffairs, new DateOnly(2025, 2, 10), facts);
        Assert.Contains("60日内先向北关区人民政府依法申请行政复议；对行政复议决定不服的，可以依法向石家庄市北关区人民法院提起行政诉讼", withheld, StringComparison.Ordinal);
        var choice = DecisionText(Outcome.Disclosed, new DateOnly(2025, 2, 10), facts);
        Assert.Contains("60日内向北关区人民政府依法申请行政复议，或者自收到本答复之日起6个月内向石家庄市北关区人民法院依法提起行政诉讼", choice, StringComparison.Ordinal);
    }

    [Fact]
    public void ALetter_HasAPlaceForTheSeal_BetweenTheAgencyAndTheDate()
    {
        var ledger = new CaseBuilder().ReceivedOn(2025, 1, 5).Then(new Decided(new DateOnly(2025, 2, 10), Outcome.Disclosed)).Build();
        using var docx = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(LetterDocxWriter.Write(CaseLetters.For(LetterKind.Decision, Facts, ledger))), false);
        var paragraphs = docx.MainDocumentPart!.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
        var seal = paragraphs.IndexOf(LetterDocxWriter.SealPlace);
        Assert.Equal("北关区灯塔路街道办事处", paragraphs[seal - 1]);
        Assert.Equal("2025年2月10日", paragraphs[seal + 1]);
    }

    [Fact]
    public void LettersToTheApplicant_CloseWithTheAgencysContactLine_NotTheConsultationLetter()
    {
        var contact = CaseLetters.ContactLine("北关区人民路7号", "050000", "0311-80066000", null);
        Assert.Equal("本机关联系地址：北关区人民路7号（邮政编码 050000）；联系电话：0311-80066000。", contact);
        Assert.Null(CaseLetters.ContactLine(null, "050000", "", null));

        var facts = Facts with { AgencyContact = contact };
        Assert.EndsWith(contact, DecisionText(Outcome.Disclosed, new DateOnly(2025, 2, 10), facts), StringComparison.Ordinal);
        var consulting = new CaseBuilder().ReceivedOn(2025, 1, 5).Then(new ConsultationSent(new DateOnly(2025, 1, 8), ConsultationParty.ThirdParty)).Build();
        Assert.DoesNotContain(contact, CaseLetters.For(LetterKind.Consultation, facts, consulting).Paragraphs);
    }
}
