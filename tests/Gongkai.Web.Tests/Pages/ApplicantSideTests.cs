using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;

namespace Gongkai.Web.Tests.Pages;

/// <summary>What the applicant sees: the notice before applying, a 回执 after, and the outcome and 答复书 once answered.</summary>
public class ApplicantSideTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheForm_TellsHowPersonalDataIsUsed_AndTheAnswerIsAReceipt()
    {
        var client = factory.Browser();
        Assert.Contains("个人信息处理告知", await client.GetStringAsync("/apply"), StringComparison.Ordinal);
        var response = await client.PostFormAsync("/apply", ApplyFormTests.Valid(phone: "13655556666"));
        var page = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("政府信息公开申请回执", page, StringComparison.Ordinal);
        Assert.Contains("<td id=\"receipt-agency\">北关区灯塔路街道办事处</td>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnceAnswered_TrackShowsTheOutcome_AndTheAnswerLetterDownloads()
    {
        var applicant = factory.Browser();
        var number = await ApplyFormTests.ApplyAsync(applicant, ApplyFormTests.Valid(phone: "13677778888"));
        var clerk = await factory.SignedInAsync("经办人", "BGQ-05");
        Assert.Equal(HttpStatusCode.OK, (await clerk.Http.PostAsJsonAsync(WebClient.U($"/api/cases/{number}/events"), new { kind = "decided", outcome = "NotHeld" }, Ct)).StatusCode);

        var tracked = await (await applicant.PostFormAsync("/track", ("Number", number), ("Phone", "13677778888"))).Content.ReadAsStringAsync(Ct);
        Assert.Contains("id=\"track-outcome\">（四）无法提供 1.本机关不掌握相关政府信息", tracked, StringComparison.Ordinal);

        var letter = await applicant.PostFormAsync("/track", [("Number", number), ("Phone", "13677778888")], withToken: true, action: "/track?handler=letter");
        Assert.Equal(HttpStatusCode.OK, letter.StatusCode);
        using var docx = WordprocessingDocument.Open(new MemoryStream(await letter.Content.ReadAsByteArrayAsync(Ct)), false);
        Assert.Contains("政府信息公开申请答复书", docx.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);

        var wrongPhone = await applicant.PostFormAsync("/track", [("Number", number), ("Phone", "13600000000")], withToken: true, action: "/track?handler=letter");
        Assert.Equal(HttpStatusCode.NotFound, wrongPhone.StatusCode);
    }
}
