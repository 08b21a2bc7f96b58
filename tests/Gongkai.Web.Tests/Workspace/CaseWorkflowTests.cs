using System.Net.Http.Json;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Gongkai.Core.Reports;
using Gongkai.Data.Model;
using Gongkai.Data.Reports;
using Gongkai.Testing;
using Gongkai.Web.Tests.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Workspace;

public class CaseWorkflowTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<AnnualReport> TablesAsync(AppFactory app, string agency, int year)
    {
        using var scope = app.Services.CreateScope();
        return await RecordsReport.TablesAsync(scope.ServiceProvider.GetRequiredService<GongkaiDbContext>(), agency, year, ct: Ct);
    }

    private Task<HttpResponseMessage> ActAsync(WebClient client, string number, params (string, string)[] fields) => ActAsync(factory, client, number, fields);

    private static async Task<HttpResponseMessage> ActAsync(AppFactory app, WebClient client, string number, params (string, string)[] fields) =>
        await client.PostFormAsync($"/admin/cases/{number}", [.. fields, ("on", app.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))], withToken: true);

    /// <summary>On its own application: the workflow moves the clock a day, which the other tests of this class must not see.</summary>
    [Fact]
    public async Task OnlineApplication_Correction_PartialDisclosure_IsCountedInTheYearsReport()
    {
        using var app = new AppFactory();
        await ApplyCorrectAnswerAsync(app);
    }

    public static TheoryData<DateOnly> WorkflowDays => new(Gongkai.Testing.TestClock.WorkflowDays);

    /// <summary>The same workflow on its own application whose clock stands at each fixed date (year end, 春节, a leap day).</summary>
    [Theory]
    [MemberData(nameof(WorkflowDays))]
    public async Task OnlineApplication_Correction_PartialDisclosure_AtFixedDates(DateOnly today)
    {
        using var app = AppFactory.At(today);
        await ApplyCorrectAnswerAsync(app);
    }

    /// <summary>
    /// Apply today; the clerk asks for 补正 today; the applicant corrects the next day (which may
    /// be in the next year) and the clerk answers 部分公开 that day. The application is counted as
    /// received in the year it arrived and answered in the year of the answer; across a year end
    /// it is carried forward and carried over.
    /// </summary>
    internal static async Task ApplyCorrectAnswerAsync(AppFactory app)
    {
        var appliedOn = app.Today;
        var answeredOn = appliedOn.AddDays(1);
        var receivedBefore = await TablesAsync(app, "BGQ-05", appliedOn.Year);
        var answeredBefore = await TablesAsync(app, "BGQ-05", answeredOn.Year);
        var applicant = app.Browser();
        var number = await ApplyFormTests.ApplyAsync(applicant, ApplyFormTests.Valid(phone: "13612345678"));
        Assert.StartsWith(appliedOn.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), number, StringComparison.Ordinal);

        var clerk = await app.SignedInAsync("经办人", "BGQ-05", "周经办");
        Assert.Contains(number, await clerk.GetStringAsync("/admin"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(app, clerk, number, ("action", "correction-requested"))).StatusCode);

        var tracked = await (await applicant.PostFormAsync("/track", ("Number", number), ("Phone", "13612345678"))).Content.ReadAsStringAsync(Ct);
        Assert.Contains("待补正", tracked, StringComparison.Ordinal);
        app.Clock.MoveTo(answeredOn);
        var corrected = await applicant.PostFormAsync("/track", [("Number", number), ("Phone", "13612345678"), ("Correction", "灯塔路1号院老旧小区改造的实施方案（2026年3月）")], withToken: true, action: "/track?handler=correct");
        var correctedPage = await corrected.Content.ReadAsStringAsync(Ct);
        Assert.Contains("补正已提交", correctedPage, StringComparison.Ordinal);
        Assert.Contains("<td id=\"track-status\">办理中</td>", correctedPage, StringComparison.Ordinal);

        clerk = await app.SignedInAsync("经办人", "BGQ-05", "周经办"); // the next day: yesterday's session has timed out
        var decided = await ActAsync(app, clerk, number, ("action", "decided"), ("outcome", "PartlyDisclosed"), ("reasons", "其中涉及个人信息的部分不予公开"));
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        Assert.Contains("答复稿已提交，待审核", await clerk.GetStringAsync($"/admin/cases/{number}"), StringComparison.Ordinal);
        // 部分公开 withholds part of the information: a 审核人 reviews it before it is issued, whatever the agency's chain.
        var reviewer = await app.SignedInAsync("审核人", "BGQ-05");
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.PostFormAsync($"/admin/cases/{number}", [("step", "Reviewed")], withToken: true, action: $"/admin/cases/{number}?handler=answerStep")).StatusCode);
        var casePage = await clerk.GetStringAsync($"/admin/cases/{number}");
        Assert.Contains("作出答复：（二）部分公开", casePage, StringComparison.Ordinal);
        Assert.Contains("收到补正后的申请：灯塔路1号院", casePage, StringComparison.Ordinal);

        var receivedAfter = await TablesAsync(app, "BGQ-05", appliedOn.Year);
        Assert.Equal(receivedBefore.Requests!["received"]![0] + 1, receivedAfter.Requests!["received"]![0]);
        var answeredAfter = await TablesAsync(app, "BGQ-05", answeredOn.Year);
        Assert.Equal(answeredBefore.Requests!["partlyDisclosed"]![0] + 1, answeredAfter.Requests!["partlyDisclosed"]![0]);
        Assert.Equal(answeredBefore.Requests["partlyDisclosed"]![6] + 1, answeredAfter.Requests["partlyDisclosed"]![6]);
        if (answeredOn.Year != appliedOn.Year)
        {
            Assert.Equal(receivedBefore.Requests["carriedForward"]![0] + 1, receivedAfter.Requests["carriedForward"]![0]);
            Assert.Equal(answeredBefore.Requests["carriedOver"]![0] + 1, answeredAfter.Requests["carriedOver"]![0]);
        }

        var letter = await clerk.GetAsync($"/admin/cases/{number}?handler=letter&kind=decision");
        Assert.Equal(HttpStatusCode.OK, letter.StatusCode);
        using var docx = WordprocessingDocument.Open(new MemoryStream(await letter.Content.ReadAsByteArrayAsync(Ct)), false);
        var text = docx.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("政府信息公开申请答复书", text, StringComparison.Ordinal);
        Assert.Contains("第三十七条", text, StringComparison.Ordinal);
        Assert.Contains("不予公开部分的理由：其中涉及个人信息的部分不予公开", text, StringComparison.Ordinal);
        Assert.Contains(number, text, StringComparison.Ordinal);
    }

    /// <summary>条例 第三十条: the notice states what to correct and a period; 逾期不补正 only after it ends (page and API).</summary>
    [Fact]
    public async Task NoCorrection_IsRefusedBeforeTheCorrectionPeriod_ShownOnTheCaseAndTrackPages_AndAcceptedAfter()
    {
        using var app = AppFactory.At(new DateOnly(2025, 3, 3));
        var applicant = app.Browser();
        var number = await ApplyFormTests.ApplyAsync(applicant, ApplyFormTests.Valid(phone: "13612340000"));
        var clerk = await app.SignedInAsync("经办人", "BGQ-05");
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(app, clerk, number, ("action", "correction-requested"), ("reasons", "请写明文件名称或文号"), ("workdays", "15"))).StatusCode);
        var page = await clerk.GetStringAsync($"/admin/cases/{number}");
        Assert.Contains("补正期限：2025-03-24 届满；需要补正的事项：请写明文件名称或文号", page, StringComparison.Ordinal);
        var tracked = await (await applicant.PostFormAsync("/track", ("Number", number), ("Phone", "13612340000"))).Content.ReadAsStringAsync(Ct);
        Assert.Contains("需要补正的事项：请写明文件名称或文号", tracked, StringComparison.Ordinal);
        Assert.Contains("请于 2025-03-24 前（含当日）提交补正", tracked, StringComparison.Ordinal);

        app.Clock.MoveTo(new DateOnly(2025, 3, 24));
        clerk = await app.SignedInAsync("经办人", "BGQ-05"); // three weeks on: the sign-in has expired
        var early = await ActAsync(app, clerk, number, ("action", "decided"), ("outcome", "NoCorrection"));
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("补正期限至 2025-03-24 届满", await early.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var api = await clerk.Http.PostAsJsonAsync(WebClient.U($"/api/cases/{number}/events"), new { kind = "decided", outcome = "NoCorrection" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);

        app.Clock.MoveTo(new DateOnly(2025, 3, 25));
        clerk = await app.SignedInAsync("经办人", "BGQ-05");
        var late = await clerk.Http.PostAsJsonAsync(WebClient.U($"/api/cases/{number}/events"), new { kind = "decided", outcome = "NoCorrection" }, Ct);
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
    }

    [Fact]
    public async Task Extension_IsApprovedByTheLeaderOnly_AndMovesTheDueDate()
    {
        var number = await ApplyFormTests.ApplyAsync(factory.Browser(), ApplyFormTests.Valid());
        var clerk = await factory.SignedInAsync("经办人", "BGQ-05");
        var refused = await ActAsync(clerk, number, ("action", "extension-approved"), ("workdays", "20"));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/denied", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var leader = await factory.SignedInAsync("分管领导", "BGQ-05", "吴分管");
        var due = DueOf(await leader.GetStringAsync($"/admin/cases/{number}"));
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(leader, number, ("action", "extension-approved"), ("workdays", "20"))).StatusCode);
        var page = await leader.GetStringAsync($"/admin/cases/{number}");
        Assert.Contains("延期答复 20 个工作日（吴分管 批准）", page, StringComparison.Ordinal);
        Assert.Equal(20, Core.Calendar.WorkdayCalendar.Default.CountWorkdays(due.AddDays(1), DueOf(page)));
        Assert.Contains(CaseLettersName("延期答复告知书"), page, StringComparison.Ordinal);

        var twice = await ActAsync(leader, number, ("action", "extension-approved"), ("workdays", "5"));
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("id=\"refusal\"", await twice.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IllegalStep_IsRefusedWithTheLedgersReason_AndChangesNothing()
    {
        var number = await ApplyFormTests.ApplyAsync(factory.Browser(), ApplyFormTests.Valid());
        var clerk = await factory.SignedInAsync("经办人", "BGQ-05");
        var response = await ActAsync(clerk, number, ("action", "correction-received"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("补正", page[page.IndexOf("id=\"refusal\"", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Contains("<td id=\"case-status\">办理中</td>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("收到补正后的申请", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reviewer_CannotAnswerACase()
    {
        var number = await ApplyFormTests.ApplyAsync(factory.Browser(), ApplyFormTests.Valid());
        var reviewer = await factory.SignedInAsync("审核人", "BGQ-05");
        var response = await ActAsync(reviewer, number, ("action", "decided"), ("outcome", "Disclosed"));
        Assert.StartsWith("/denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClerkRegistersAPostedApplication_WithTheReceiptRuleOfItsChannel()
    {
        var clerk = await factory.SignedInAsync("经办人", "BGQ-05");
        var response = await clerk.PostFormAsync("/admin/cases/new",
            ("Channel", "RegisteredPost"), ("ReceivedOn", "2026-09-30"), ("AgencyId", "BGQ-05"), ("ApplicantType", "commercial"), ("Name", "北关示范有限公司"),
            ("CreditCode", "91350100M000100Y43"), ("Phone", "0311-12345678"), ("Description", "申请公开2026年辖区道路改造计划"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await clerk.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("2026-09-30", page, StringComparison.Ordinal);
        Assert.Contains("签收", page, StringComparison.Ordinal);
        Assert.Contains("国庆节", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CaseList_ShowsDeadlineStates()
    {
        var clerk = await factory.SignedInAsync("经办人", "BGQ");
        var page = await clerk.GetStringAsync("/admin");
        Assert.Contains("class=\"status green\"", page, StringComparison.Ordinal);
        Assert.Contains("已超期", page, StringComparison.Ordinal);
        var closed = await clerk.GetStringAsync("/admin?view=closed");
        Assert.Contains("已答复", closed, StringComparison.Ordinal);
    }

    private static DateOnly DueOf(string page)
    {
        var at = page.IndexOf("id=\"due-on\">", StringComparison.Ordinal) + "id=\"due-on\">".Length;
        return DateOnly.ParseExact(page[at..page.IndexOf('<', at)], "yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string CaseLettersName(string name) => name + "（DOCX）";
}
