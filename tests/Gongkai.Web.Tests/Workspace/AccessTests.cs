using System.Net;
using Gongkai.Web.Tests.Pages;

namespace Gongkai.Web.Tests.Workspace;

public class AccessTests(AppFactory factory) : IClassFixture<AppFactory>
{
    public static TheoryData<string> AdminPages => new("/admin", "/admin/cases/new", "/admin/publications", "/admin/publications/new", "/admin/reports", "/admin/review", "/admin/users",
        "/admin/agency", "/admin/supervision", "/account/notifications", "/account/password", "/account/two-factor");

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task Anonymous_IsSentToTheLoginPage(string path)
    {
        var response = await factory.Browser().GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login?ReturnUrl=", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongPassword_IsRefusedInChinese()
    {
        var client = factory.Browser();
        var user = await factory.CreateStaffAsync("经办人", "BGQ-05");
        var response = await client.PostFormAsync("/login", ("UserName", user), ("Password", "wrong-password"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("用户名或密码不正确", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task Login_ReturnsToTheAskedPage_AndLogoutEndsTheSession()
    {
        var client = factory.Browser();
        var user = await factory.CreateStaffAsync("经办人", "BGQ-05");
        var response = await client.PostFormAsync("/login?ReturnUrl=%2Fadmin%2Fpublications", [("UserName", user), ("Password", AppFactory.Password), ("ReturnUrl", "/admin/publications")], withToken: true);
        Assert.Equal("/admin/publications", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/publications")).StatusCode);
        await client.PostFormAsync("/admin", Array.Empty<(string, string)>(), withToken: true, action: "/logout");
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task Login_RefusesAnExternalReturnUrl()
    {
        var client = factory.Browser();
        var user = await factory.CreateStaffAsync("经办人", "BGQ-05");
        var response = await client.PostFormAsync("/login", ("UserName", user), ("Password", AppFactory.Password), ("ReturnUrl", "https://evil.example/"));
        Assert.Equal("/admin", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("经办人", "/admin/users", false)]
    [InlineData("审核人", "/admin/users", false)]
    [InlineData("分管领导", "/admin/users", false)]
    [InlineData("管理员", "/admin/users", true)]
    [InlineData("经办人", "/admin", true)]
    [InlineData("审核人", "/admin/reports", true)]
    public async Task Roles_AreAllowedAndRefusedWhereTheyShouldBe(string role, string path, bool allowed)
    {
        var client = await factory.SignedInAsync(role, "BGQ-05");
        var response = await client.GetAsync(path);
        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Review_IsForAGovernmentWithSubordinatesOnly()
    {
        var street = await factory.SignedInAsync("经办人", "BGQ-05");
        Assert.Equal(HttpStatusCode.Redirect, (await street.GetAsync("/admin/review")).StatusCode);
        var district = await factory.SignedInAsync("经办人", "BGQ");
        Assert.Equal(HttpStatusCode.OK, (await district.GetAsync("/admin/review")).StatusCode);
    }

    [Fact]
    public async Task StaffOfOneAgency_NeverSeeAnothersCases()
    {
        var applicant = factory.Browser();
        var ours = await ApplyFormTests.ApplyAsync(applicant, ApplyFormTests.Valid());
        var theirs = await ApplyFormTests.ApplyAsync(applicant, [.. ApplyFormTests.Valid().Where(f => f.Item1 != "AgencyId"), ("AgencyId", "BGQ-01")]);

        var street = await factory.SignedInAsync("经办人", "BGQ-05");
        var list = await street.GetStringAsync("/admin");
        Assert.Contains(ours, list, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs, list, StringComparison.Ordinal);
        Assert.DoesNotContain("北关区教育局", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await street.GetAsync($"/admin/cases/{theirs}")).StatusCode);
        var refused = await street.PostFormAsync($"/admin/cases/{ours}", [("action", "withdrawn"), ("on", "2026-01-01")], withToken: true, action: $"/admin/cases/{theirs}");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await street.GetAsync("/admin/reports?agency=BGQ-01&year=2025")).StatusCode);

        var district = await factory.SignedInAsync("管理员", "BGQ");
        Assert.Equal(HttpStatusCode.OK, (await district.GetAsync($"/admin/cases/{theirs}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await district.GetAsync($"/admin/cases/{ours}")).StatusCode);
    }

    public static TheoryData<string, string> Forms => new()
    {
        { "/apply", "/apply" }, { "/track", "/track" }, { "/login", "/login" }, { "/admin/cases/new", "/admin/cases/new" },
        { "/admin/publications/new", "/admin/publications/new" }, { "/admin/reports", "/admin/reports?handler=save" },
        { "/admin/review", "/admin/review" }, { "/admin/users", "/admin/users" }, { "/admin", "/logout" },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task EveryForm_RefusesAPostWithoutItsAntiforgeryToken(string page, string action)
    {
        var client = await factory.SignedInAsync("管理员", "BGQ");
        var html = await client.GetStringAsync(page);
        Assert.Contains("__RequestVerificationToken", html, StringComparison.Ordinal);
        var response = await client.PostFormAsync(page, [("x", "1")], withToken: false, action: action);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task TheFooter_OffersSignInToVisitors_AndTheWorkspaceToSignedInStaff()
    {
        Assert.Contains("id=\"footer-staff\">工作人员登录<", await factory.Browser().GetStringAsync("/catalog"), StringComparison.Ordinal);
        var clerk = await factory.SignedInAsync("经办人", "BGQ-05");
        Assert.Contains("id=\"footer-staff\">进入工作台<", await clerk.GetStringAsync("/catalog"), StringComparison.Ordinal);
    }
}
