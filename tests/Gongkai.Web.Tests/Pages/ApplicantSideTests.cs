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

    [Fact]
    public async Task Consent_IsRequired_OnTheFormAndInTheApi_ButNotForPaperApplicationsStaffRegister()
    {
        var client = factory.Browser();
        var form = await client.PostFormAsync("/apply", ApplyFormTests.Valid(phone: "13655550001").Where(f => f.Item1 != "Consent").ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
        Assert.Contains("勾选同意后再提交", await form.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        foreach (var consent in new object?[] { null, false })
        {
            var api = await factory.CreateClient().PostAsJsonAsync(WebClient.U("/api/applications"), new
            {
                agencyId = "BGQ-05", applicantType = "natural", name = "张三", idNumber = "11010519491231002X", phone = "13655550002",
                description = "申请公开灯塔路街道2026年老旧小区改造项目的实施方案", consent,
            }, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
            using var problem = System.Text.Json.JsonDocument.Parse(await api.Content.ReadAsStringAsync(Ct));
            Assert.Equal(["consent"], problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToArray());
        }

        var clerk = await factory.SignedInAsync("经办人", "BGQ-05");
        var registered = await clerk.PostFormAsync("/admin/cases/new",
            ("Channel", "InPerson"), ("ReceivedOn", factory.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), ("AgencyId", "BGQ-05"),
            ("ApplicantType", "natural"), ("Name", "王五"), ("IdNumber", "11010519491231002X"), ("Phone", "13655550003"), ("Description", "申请公开2026年辖区道路改造计划"));
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
    }

    [Theory]
    [InlineData("+86 136 5555 0010")]
    [InlineData("136-5555-0010")]
    [InlineData("136 5555 0010")]
    [InlineData("008613655550010")]
    public async Task EveryWayOfTypingThePhone_TracksTheSameCase(string typed)
    {
        var client = factory.Browser();
        var number = await ApplyFormTests.ApplyAsync(client, ApplyFormTests.Valid(phone: "+86 136-5555-0010", description: "申请公开灯塔路街道电话格式测试项目的实施方案" + typed));
        var tracked = await (await client.PostFormAsync("/track", ("Number", number), ("Phone", typed))).Content.ReadAsStringAsync(Ct);
        Assert.Contains("<td id=\"track-status\">办理中</td>", tracked, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheReceipt_DownloadsAsAPdf_WithNumberAndPhone()
    {
        var client = factory.Browser();
        var number = await ApplyFormTests.ApplyAsync(client, ApplyFormTests.Valid(phone: "13655550020"));
        var pdf = await client.PostFormAsync("/track", [("Number", number), ("Phone", "136 5555 0020")], withToken: true, action: "/track?handler=receipt");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync(Ct))[..4]), StringComparison.Ordinal);

        var wrong = await client.PostFormAsync("/track", [("Number", number), ("Phone", "13655550021")], withToken: true, action: "/track?handler=receipt");
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
    }

    [Fact]
    public async Task ALetter_AddressesThePersonWithTheHonorificGiven_AndAnUnknownOneIsRefused()
    {
        var client = factory.Browser();
        var bad = await client.PostFormAsync("/apply", [.. ApplyFormTests.Valid(phone: "13655550030"), ("Honorific", "sir")]);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("称谓应为", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var number = await ApplyFormTests.ApplyAsync(client, [.. ApplyFormTests.Valid(name: "李梅", phone: "13655550031"), ("Honorific", "ms")]);
        var clerk = await factory.SignedInAsync("经办人", "BGQ-05");
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.PostFormAsync($"/admin/cases/{number}", ("action", "correction-requested"), ("reasons", "请写明项目名称"))).StatusCode);
        var letter = await clerk.GetAsync($"/admin/cases/{number}?handler=letter&kind=correction");
        using var docx = WordprocessingDocument.Open(new MemoryStream(await letter.Content.ReadAsByteArrayAsync(Ct)), false);
        Assert.Contains("李梅女士：", docx.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
    }
}
