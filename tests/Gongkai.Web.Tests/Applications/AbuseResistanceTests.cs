using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Data.Model;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Applications;

/// <summary>The application host with a low submission limit (3 per window) for the flood test.</summary>
public sealed class LimitedAppFactory : AppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimits:Applications:PermitLimit", "3");
        builder.UseSetting("RateLimits:Applications:WindowSeconds", "3600");
    }
}

public class AbuseResistanceTests(LimitedAppFactory factory) : IClassFixture<LimitedAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Valid(string name = "张三") => new
    {
        agencyId = "BGQ-05", applicantType = "natural", name, idNumber = "11010519491231002X", phone = "13800000000",
        consent = true,
        description = "申请公开灯塔路街道2024年老旧小区改造项目的实施方案",
    };

    [Fact]
    public async Task AFlood_IsThrottledWith429AndRetryAfter_BeforeItReachesTheRecords()
    {
        var client = factory.CreateClient();
        int Count()
        {
            using var scope = factory.Services.CreateScope();
            return scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Applications.Count();
        }

        var before = Count();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await client.PostAsJsonAsync(WebClient.U("/api/applications"), Valid(), Ct)).StatusCode);
        }

        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.Created));
        var refused = await client.PostAsJsonAsync(WebClient.U("/api/applications"), Valid(), Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("请稍后再试", JsonDocument.Parse(await refused.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before + 3, Count());

        // Reading the form is never limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(WebClient.U("/apply"), Ct)).StatusCode);
    }
}

public class TextHygieneTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("张\u0000三")]      // NUL: would break every letter of the case
    [InlineData("张三\u202E")]      // right-to-left override
    [InlineData("\u200B\u200B")]   // only zero-width spaces
    [InlineData("\uFEFF张三")]      // a BOM
    public async Task InvisibleCharactersInAName_Get400NamingTheField(string name)
    {
        var response = await factory.CreateClient().PostAsJsonAsync(WebClient.U("/api/applications"), new
        {
            agencyId = "BGQ-05", applicantType = "natural", name, idNumber = "11010519491231002X", phone = "13800000000",
            consent = true,
            description = "申请公开灯塔路街道2024年老旧小区改造项目的实施方案",
        }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("errors");
        Assert.Contains("申请人姓名或名称", errors.GetProperty("name")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecomposedText_IsStoredInNormalFormC()
    {
        var decomposed = "张三（e\u0301）";
        var response = await factory.CreateClient().PostAsJsonAsync(WebClient.U("/api/applications"), new
        {
            agencyId = "BGQ-05", applicantType = "natural", name = decomposed, idNumber = "11010519491231002X", phone = "13800000000",
            consent = true,
            description = "申请公开灯塔路街道2024年老旧小区改造项目的实施方案",
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var number = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("trackingNumber").GetString();
        using var scope = factory.Services.CreateScope();
        var row = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Applications.SingleAsync(a => a.TrackingNumber == number, Ct);
        Assert.Equal("张三（é）", row.ApplicantName);
    }

    [Fact]
    public async Task APhoneTypedWithTheCountryCode_IsFoundWhenTypedWithout()
    {
        var client = factory.Browser();
        var number = await Pages.ApplyFormTests.ApplyAsync(client, Pages.ApplyFormTests.Valid(phone: "+86 138-0013-8001"));
        var tracked = await (await client.PostFormAsync("/track", ("Number", number), ("Phone", "13800138001"))).Content.ReadAsStringAsync(Ct);
        Assert.Contains("<td id=\"track-status\">办理中</td>", tracked, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARepeatedIdempotencyKey_AnswersWithTheFirstCase()
    {
        var client = factory.CreateClient();
        async Task<string> PostAsync(string key)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, WebClient.U("/api/applications"))
            {
                Content = JsonContent.Create(new
                {
                    agencyId = "BGQ-05", applicantType = "natural", name = "赵六", idNumber = "11010519491231002X", phone = "13800000000",
                    consent = true,
                    description = "申请公开灯塔路街道2024年老旧小区改造项目的实施方案",
                }),
            };
            request.Headers.Add("Idempotency-Key", key);
            var response = await client.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("trackingNumber").GetString()!;
        }

        var first = await PostAsync("retry-7f3a");
        Assert.Equal(first, await PostAsync("retry-7f3a"));
        Assert.NotEqual(first, await PostAsync("another-key"));
    }

    [Fact]
    public async Task ARefreshedForm_AnswersWithTheFirstCase()
    {
        var client = factory.Browser();
        var page = await client.GetStringAsync("/apply");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"SubmissionToken\" value=\"([0-9a-f]{32})\"").Groups[1].Value;
        Assert.Equal(32, token.Length);
        (string, string)[] fields = [.. Pages.ApplyFormTests.Valid(phone: "13611112222"), ("SubmissionToken", token)];
        var first = await Pages.ApplyFormTests.ApplyAsync(client, fields);
        var again = await Pages.ApplyFormTests.ApplyAsync(client, fields);
        Assert.Equal(first, again);
    }

    [Fact]
    public async Task ATrackingNumberConflict_IsDrawnAgain()
    {
        using var scope = factory.Services.CreateScope();
        var intake = scope.ServiceProvider.GetRequiredService<ApplicationIntake>();
        var request = new ApplyRequest("BGQ-05", "natural", "王五", "11010519491231002X", null, "13800000000", null, null, "申请公开某项目的实施方案", null);
        var draws = new Queue<int>([123456, 123456, 654321]);
        var first = await intake.SubmitAsync(request, Ct, draw: draws.Dequeue);
        var second = await intake.SubmitAsync(request, Ct, draw: draws.Dequeue);
        Assert.EndsWith("-123456", first.TrackingNumber, StringComparison.Ordinal);
        Assert.EndsWith("-654321", second.TrackingNumber, StringComparison.Ordinal);
    }
}
