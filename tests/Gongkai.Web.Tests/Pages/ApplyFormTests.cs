using System.Net;
using System.Text.RegularExpressions;

namespace Gongkai.Web.Tests.Pages;

public partial class ApplyFormTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static (string, string)[] Valid(string name = "张三", string phone = "13800000000", string description = "申请公开灯塔路街道2026年老旧小区改造项目的实施方案") =>
    [
        ("AgencyId", "BGQ-05"), ("ApplicantType", "natural"), ("Name", name), ("IdNumber", "11010519491231002X"),
        ("Phone", phone), ("Description", description), ("FormWanted", "电子邮件"), ("Consent", "true"),
    ];

    public static async Task<string> ApplyAsync(WebClient client, params (string, string)[] fields)
    {
        var response = await client.PostFormAsync("/apply", fields);
        var page = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return TrackingNumber().Match(page).Groups[1].Value;
    }

    [Fact]
    public async Task Apply_GivesATrackingNumberAndTheDueDate_ThenTrackShowsTheCase()
    {
        var client = factory.Browser();
        var response = await client.PostFormAsync("/apply", Valid(phone: "0311-66668888"));
        var page = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("申请已提交", page, StringComparison.Ordinal);
        Assert.Contains("条例第三十三条", page, StringComparison.Ordinal);
        var number = TrackingNumber().Match(page).Groups[1].Value;
        Assert.Matches(@"^\d{8}-\d{6}$", number);

        var track = await (await client.PostFormAsync("/track", ("Number", number), ("Phone", "0311-66668888"))).Content.ReadAsStringAsync(Ct);
        Assert.Contains("<td id=\"track-status\">办理中</td>", track, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Track_WrongPhoneAndUnknownNumber_LookTheSame()
    {
        var client = factory.Browser();
        var number = await ApplyAsync(client, Valid(phone: "13911112222"));
        var wrong = await (await client.PostFormAsync("/track", ("Number", number), ("Phone", "13900000000"))).Content.ReadAsStringAsync(Ct);
        var unknown = await (await client.PostFormAsync("/track", ("Number", "20000101-000000"), ("Phone", "13900000000"))).Content.ReadAsStringAsync(Ct);
        Assert.Contains("没有找到与该编号和电话相符的申请", wrong, StringComparison.Ordinal);
        Assert.Equal(Normalise(wrong, number), Normalise(unknown, "20000101-000000"));
    }

    [Fact]
    public async Task InvalidForm_Is400WithAMessageBesideEachField()
    {
        var response = await factory.Browser().PostFormAsync("/apply",
            ("AgencyId", "NOPE"), ("ApplicantType", "natural"), ("Name", ""), ("IdNumber", "110105194912310021"), ("Phone", "12"), ("Description", "短"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync(Ct);
        foreach (var message in new[] { "请选择受理申请的机关", "请填写申请人姓名或名称", "身份证明：", "请填写有效的联系电话", "条例第二十九条" })
        {
            Assert.Contains(message, page, StringComparison.Ordinal);
        }

        Assert.Contains("value=\"110105194912310021\"", page, StringComparison.Ordinal);

        // Each message is tied to its field, the first wrong field takes the focus, the summary links to each, the title says so.
        Assert.Contains("<input id=\"name\" aria-describedby=\"err-name\" aria-invalid=\"true\"", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"err\" id=\"err-name\">请填写申请人姓名或名称", page, StringComparison.Ordinal);
        Assert.Contains("<select id=\"agencyId\" aria-describedby=\"err-agencyId\" aria-invalid=\"true\" autofocus=\"autofocus\"", page, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(page, "autofocus="));
        Assert.Contains("<a href=\"#phone\">请填写有效的联系电话", page, StringComparison.Ordinal);
        Assert.Contains("<title>（有 ", page, StringComparison.Ordinal);
        Assert.DoesNotContain("aria-invalid", await factory.Browser().GetStringAsync("/apply"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OversizedFieldAndOversizedPost_AreRefused()
    {
        var client = factory.Browser();
        var tooLong = await client.PostFormAsync("/apply", Valid(description: new string('字', 5000)));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("5–4000 字", await tooLong.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var huge = await client.PostFormAsync("/apply", Valid(description: new string('x', 300 * 1024)));
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
    }

    [Fact]
    public async Task Markup_InEveryTextField_IsRenderedInert()
    {
        var client = factory.Browser();
        const string evil = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        var response = await client.PostFormAsync("/apply",
            ("AgencyId", "BGQ-05"), ("ApplicantType", "natural"), ("Name", evil), ("IdNumber", evil), ("Phone", evil), ("Description", evil), ("FormWanted", evil));
        var page = await response.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", page, StringComparison.Ordinal);

        var number = await ApplyAsync(client, Valid(name: evil, description: "申请公开" + evil));
        var clerk = await factory.SignedInAsync("经办人", "BGQ-05");
        var casePage = await clerk.GetStringAsync($"/admin/cases/{number}");
        Assert.DoesNotContain("<script>alert", casePage, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert", casePage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyWithoutAntiforgeryToken_Is400AndStoresNothing()
    {
        var client = factory.Browser();
        var before = await client.GetStringAsync("/apply");
        var response = await client.PostFormAsync("/apply", Valid(name: "无令牌"), withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("申请公开", before, StringComparison.Ordinal);
        var clerk = await factory.SignedInAsync("经办人", "BGQ-05");
        Assert.Contains("没有符合条件的案件", await clerk.GetStringAsync("/admin?q=" + Uri.EscapeDataString("无令牌")), StringComparison.Ordinal);
    }

    private static string Normalise(string page, string number) => AntiforgeryValue().Replace(page.Replace(number, "N", StringComparison.Ordinal), "");

    [GeneratedRegex("id=\"tracking-number\">([^<]+)<")]
    internal static partial Regex TrackingNumber();

    [GeneratedRegex("value=\"CfDJ8[^\"]*\"")]
    private static partial Regex AntiforgeryValue();
}
