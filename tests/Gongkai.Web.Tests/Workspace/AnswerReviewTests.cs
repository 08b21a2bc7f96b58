using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Web.Tests.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Workspace;

/// <summary>The answer review chain per agency (经办 → 审核 → 签发), with 不予公开 always reviewed.</summary>
public class AnswerReviewTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();

    private async Task SetPolicyAsync(string agencyId, string policy)
    {
        var admin = await factory.SignedInAsync("管理员", agencyId);
        var saved = await admin.PostFormAsync($"/admin/agency?id={agencyId}", ("Id", agencyId), ("AnswerReview", policy), ("Court", "石家庄市北关区人民法院"), ("Channels", "online"), ("Channels", "in-person"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    [Fact]
    public async Task WithTheChainOn_AnAnswerWithoutReviewIsRefused_AndIsIssuedOnlyAfterReviewAndSigning()
    {
        await SetPolicyAsync("BGQ-04", "review-and-sign");
        var number = await ApplyFormTests.ApplyAsync(factory.Browser(), [.. ApplyFormTests.Valid(phone: "13500001234").Where(f => f.Item1 != "AgencyId"), ("AgencyId", "BGQ-04")]);
        var clerk = await factory.SignedInAsync("经办人", "BGQ-04", "甲经办");

        var direct = await clerk.Http.PostAsJsonAsync(WebClient.U($"/api/cases/{number}/events"), new { kind = "decided", outcome = "Disclosed" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, direct.StatusCode);
        Assert.Contains("须经审核、签发", (await JsonAsync(direct)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var drafted = await JsonAsync(await clerk.Http.PostAsJsonAsync(WebClient.U($"/api/cases/{number}/answer"), new { outcome = "Disclosed" }, Ct));
        Assert.Equal("reviewed", drafted.GetProperty("next").GetString());
        Assert.False(drafted.GetProperty("issued").GetBoolean());
        Assert.Equal("办理中", drafted.GetProperty("case").GetProperty("status").GetString());

        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.Http.PostAsync(WebClient.U($"/api/cases/{number}/answer/review"), null, Ct)).StatusCode);
        var leader = await factory.SignedInAsync("分管领导", "BGQ-04", "丙领导");
        var early = await leader.Http.PostAsync(WebClient.U($"/api/cases/{number}/answer/sign"), null, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("下一步应为「审核」", (await JsonAsync(early)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var reviewer = await factory.SignedInAsync("审核人", "BGQ-04", "乙审核");
        var reviewed = await JsonAsync(await reviewer.Http.PostAsync(WebClient.U($"/api/cases/{number}/answer/review"), null, Ct));
        Assert.Equal("signed", reviewed.GetProperty("next").GetString());
        var signed = await JsonAsync(await leader.Http.PostAsync(WebClient.U($"/api/cases/{number}/answer/sign"), null, Ct));
        Assert.True(signed.GetProperty("issued").GetBoolean());
        Assert.Equal("乙审核", signed.GetProperty("reviewedBy").GetString());
        Assert.Equal("丙领导", signed.GetProperty("signedBy").GetString());
        Assert.Equal("已答复", signed.GetProperty("case").GetProperty("status").GetString());

        var page = await clerk.GetStringAsync($"/admin/cases/{number}");
        Assert.Contains("已作出答复", page, StringComparison.Ordinal);
        Assert.Contains("乙审核", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutTheChain_ARefusalIsStillReviewed_AndAReturnedDraftGoesBackToTheClerk()
    {
        var number = await ApplyFormTests.ApplyAsync(factory.Browser(), ApplyFormTests.Valid(phone: "13500005678"));
        var clerk = await factory.SignedInAsync("经办人", "BGQ-05");

        var page = await clerk.PostFormAsync($"/admin/cases/{number}", ("action", "decided"), ("outcome", "StateSecret"), ("reasons", "属于国家秘密"));
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        var shown = await clerk.GetStringAsync($"/admin/cases/{number}");
        Assert.Contains("答复稿已提交，待审核", shown, StringComparison.Ordinal);
        Assert.Contains("id=\"case-status\">办理中", shown, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest,
            (await clerk.Http.PostAsJsonAsync(WebClient.U($"/api/cases/{number}/events"), new { kind = "decided", outcome = "StateSecret" }, Ct)).StatusCode);

        var reviewer = await factory.SignedInAsync("审核人", "BGQ-05");
        Assert.Equal(HttpStatusCode.BadRequest,
            (await reviewer.Http.PostAsJsonAsync(WebClient.U($"/api/cases/{number}/answer/return"), new { reason = "" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK,
            (await reviewer.Http.PostAsJsonAsync(WebClient.U($"/api/cases/{number}/answer/return"), new { reason = "理由不充分，请写明定密依据" }, Ct)).StatusCode);
        Assert.Contains("id=\"decide\"", await clerk.GetStringAsync($"/admin/cases/{number}"), StringComparison.Ordinal);

        var again = await JsonAsync(await clerk.Http.PostAsJsonAsync(WebClient.U($"/api/cases/{number}/answer"), new { outcome = "StateSecret", reasons = "经定密，属于国家秘密" }, Ct));
        Assert.Equal("reviewed", again.GetProperty("next").GetString());
        var issued = await JsonAsync(await reviewer.Http.PostAsync(WebClient.U($"/api/cases/{number}/answer/review"), null, Ct));
        Assert.True(issued.GetProperty("issued").GetBoolean());

        // An answer that withholds nothing is the clerk's alone under this policy.
        var other = await ApplyFormTests.ApplyAsync(factory.Browser(), ApplyFormTests.Valid(phone: "13500009999"));
        var direct = await JsonAsync(await clerk.Http.PostAsJsonAsync(WebClient.U($"/api/cases/{other}/answer"), new { outcome = "Disclosed" }, Ct));
        Assert.True(direct.GetProperty("issued").GetBoolean());
    }

    [Fact]
    public async Task AgencySettings_AreForItsAdministrator_ValidatedAndAudited()
    {
        var clerk = await factory.SignedInAsync("经办人", "BGQ-05");
        Assert.StartsWith("/denied", (await clerk.GetAsync("/admin/agency")).Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var admin = await factory.SignedInAsync("管理员", "BGQ-05");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/agency?id=BGQ-06")).StatusCode);
        var bad = await admin.PostFormAsync("/admin/agency?id=BGQ-05", ("Id", "BGQ-05"), ("AnswerReview", "nobody"), ("Court", new string('法', 300)));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var text = await bad.Content.ReadAsStringAsync(Ct);
        Assert.Contains("请选择答复审签规则", text, StringComparison.Ordinal);
        Assert.Contains("人民法院请在 200 字以内", text, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/agency?id=BGQ-05", ("Id", "BGQ-05"), ("AnswerReview", "withheld-only"), ("ReconsiderationBody", "北关区人民政府"), ("Channels", "online"))).StatusCode);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Gongkai.Data.Model.GongkaiDbContext>();
        Assert.Equal("北关区人民政府", db.Agencies.Single(a => a.Id == "BGQ-05").ReconsiderationBody);
        Assert.Contains(db.Audit.Where(a => a.Entity == "agency" && a.EntityKey == "BGQ-05").ToList(), a => a.Action == "updated");
    }
}
