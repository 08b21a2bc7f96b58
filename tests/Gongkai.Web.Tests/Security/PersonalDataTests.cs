using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gongkai.Data.Model;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Security;

/// <summary>The application with the per-applicant limit at 2 a day and a tracking limit of 5 lookups.</summary>
public sealed class PerApplicantLimitFactory : AppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimits:Applications:PerApplicantPerDay", "2");
        builder.UseSetting("RateLimits:Tracking:PermitLimit", "5");
        builder.UseSetting("RateLimits:Tracking:WindowSeconds", "3600");
    }
}

public sealed class PersonalDataTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string IdNumber = "11010519491231002X";
    private const string Phone = "13912345678";

    private static object Application(string description = "申请公开灯塔路街道2024年老旧小区改造项目的实施方案", string idType = "resident-card", string id = IdNumber) => new
    {
        agencyId = "BGQ-05", applicantType = "natural", name = "张三", idType, idNumber = id, phone = "+86 139-1234-5678",
        email = "zhangsan@example.com", address = "河北省石家庄市北关区灯塔路18号3单元", description, consent = true,
    };

    private static async Task<string> ApplyAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync(WebClient.U("/api/applications"), body, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("trackingNumber").GetString()!;
    }

    [Fact]
    public async Task AFullWorkflow_LeavesNoIdNumberOrPhoneInTheLogOrTheDatabaseFile_AndStaffSeeThemMaskedUntilAnAuditedReveal()
    {
        using var app = new AppFactory();
        var number = await ApplyAsync(app.CreateClient(), Application());
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync(WebClient.U($"/api/applications/{number}?phone={Phone}"), Ct)).StatusCode);
        var applicant = app.Browser();
        Assert.Contains("办理中", await (await applicant.PostFormAsync("/track", ("Number", number), ("Phone", Phone))).Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var clerk = await app.SignedInAsync("经办人", "BGQ-05");
        var masked = await clerk.GetStringAsync($"/admin/cases/{number}");
        Assert.Contains("1101**********002X", masked, StringComparison.Ordinal);
        Assert.Contains("139****5678", masked, StringComparison.Ordinal);
        Assert.Contains("z***@example.com", masked, StringComparison.Ordinal);
        Assert.DoesNotContain(IdNumber, masked, StringComparison.Ordinal);
        Assert.DoesNotContain(Phone, masked, StringComparison.Ordinal);
        Assert.DoesNotContain("灯塔路18号", masked, StringComparison.Ordinal);

        var revealed = await clerk.PostFormAsync($"/admin/cases/{number}", Array.Empty<(string Key, string Value)>(), withToken: true, action: $"/admin/cases/{number}?handler=reveal");
        var full = await revealed.Content.ReadAsStringAsync(Ct);
        Assert.Contains(IdNumber, full, StringComparison.Ordinal);
        Assert.Contains(Phone, full, StringComparison.Ordinal); // stored in one normal form: +86, spaces and dashes removed
        Assert.Contains("灯塔路18号3单元", full, StringComparison.Ordinal);
        Assert.Equal("no-store", revealed.Headers.CacheControl?.ToString());

        // Someone else's case: 404 for the reveal too.
        var other = await app.SignedInAsync("经办人", "BGQ-02");
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostFormAsync("/admin", Array.Empty<(string Key, string Value)>(), withToken: true, action: $"/admin/cases/{number}?handler=reveal")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await clerk.PostFormAsync($"/admin/cases/{number}", ("action", "decided"), ("outcome", "Disclosed"))).StatusCode);
        Assert.Contains("已答复", await (await applicant.PostFormAsync("/track", ("Number", number), ("Phone", Phone))).Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var reveal = await db.Audit.SingleAsync(a => a.Action == "personal-data-revealed", Ct);
            Assert.Equal(number, reveal.EntityKey);
            var row = await db.Applications.AsNoTracking().SingleAsync(a => a.TrackingNumber == number, Ct);
            Assert.Equal(IdNumber, row.IdNumber); // read back through the key ring
            Assert.Equal(Phone, row.Phone);
            var stored = await db.Database.SqlQueryRaw<string>("SELECT \"Phone\" AS \"Value\" FROM applications WHERE \"TrackingNumber\" = {0}", number).SingleAsync(Ct);
            Assert.StartsWith("pi1:", stored, StringComparison.Ordinal);

            // The data-protection keys (cookies, antiforgery) are stored encrypted too.
            var keys = await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync(Ct);
            Assert.NotEmpty(keys);
            foreach (var xml in keys)
            {
                Assert.True(xml.Contains("decryptorType=\"Gongkai.Web.Features.Staff.KeyRingXmlDecryptor", StringComparison.Ordinal) && xml.Contains("<value>pi1:", StringComparison.Ordinal)
                    && !xml.Contains("masterKey", StringComparison.Ordinal), xml);
            }
        }

        var log = app.Logs.Text;
        Assert.False(string.IsNullOrEmpty(log));
        foreach (var secret in new[] { IdNumber, Phone, "139-1234-5678", "zhangsan@example.com" })
        {
            Assert.DoesNotContain(secret, log, StringComparison.Ordinal);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { app.DatabasePath, app.DatabasePath + "-wal" }.Where(File.Exists))
        {
            var bytes = await File.ReadAllBytesAsync(file, Ct);
            foreach (var secret in new[] { IdNumber, Phone, "zhangsan@example.com", "灯塔路18号3单元" })
            {
                Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) < 0, $"{Path.GetFileName(file)} holds 「{secret}」 in clear");
            }
        }
    }

    [Fact]
    public async Task OtherIdentityDocuments_AreAccepted_AndCheckedByTheirFormat()
    {
        using var app = new AppFactory();
        var client = app.CreateClient();
        var number = await ApplyAsync(client, Application(idType: "passport", id: "E12345678"));
        await ApplyAsync(client, Application("申请公开某项目环评文件", idType: "hk-macao-permit", id: "H12345678"));
        await ApplyAsync(client, Application("申请公开某项目规划许可", idType: "foreigner-permanent-residence", id: "USA123456789012"));

        var bad = await client.PostAsJsonAsync(WebClient.U("/api/applications"), Application(idType: "taiwan-permit", id: "A1234"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("台湾居民来往大陆通行证号码应为", JsonDocument.Parse(await bad.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("errors").GetProperty("idNumber")[0].GetString(), StringComparison.Ordinal);
        var unknown = await client.PostAsJsonAsync(WebClient.U("/api/applications"), Application(idType: "driving-licence"), Ct);
        Assert.True(JsonDocument.Parse(await unknown.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("errors").TryGetProperty("idType", out _));

        var clerk = await app.SignedInAsync("经办人", "BGQ-05");
        Assert.Contains("护照：E****5678", await clerk.GetStringAsync($"/admin/cases/{number}"), StringComparison.Ordinal);
        Assert.Contains("<option value=\"taiwan-permit\"", await app.Browser().GetStringAsync("/apply"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSameRequestTwice_IsFlaggedForTheClerk_AndOneApplicantIsLimitedPerDay_AndTrackingIsThrottled()
    {
        using var app = new PerApplicantLimitFactory();
        var client = app.CreateClient();
        var first = await ApplyAsync(client, Application());
        var second = await ApplyAsync(client, Application());
        var third = await client.PostAsJsonAsync(WebClient.U("/api/applications"), Application("另一项申请：灯塔路街道2025年部门预算"), Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Contains("每天网上提交的申请不超过 2 件", await third.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var clerk = await app.SignedInAsync("经办人", "BGQ-05");
        Assert.Contains($"同一申请人 24 小时内以相同内容提出过申请 <a href=\"/admin/cases/{first}\">", await clerk.GetStringAsync($"/admin/cases/{second}"), StringComparison.Ordinal);
        Assert.DoesNotContain("疑似重复", await clerk.GetStringAsync($"/admin/cases/{first}"), StringComparison.Ordinal);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            statuses.Add((await client.GetAsync(WebClient.U($"/api/applications/{first}?phone=1390000000{i}"), Ct)).StatusCode);
        }

        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.NotFound));
        Assert.Equal(2, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task ALockedReport_IsRenderedOnce_AndServedFromStorage()
    {
        using var app = new AppFactory();
        var client = app.CreateClient();
        var a = await client.GetByteArrayAsync(WebClient.U("/reports/BGQ-05/2025.docx"), Ct);
        var b = await client.GetByteArrayAsync(WebClient.U("/reports/BGQ-05/2025.docx"), Ct);
        Assert.Equal(a, b);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        Assert.Equal(1, await db.ReportRenderings.CountAsync(r => r.AgencyId == "BGQ-05" && r.Year == 2025, Ct));
        var stored = await db.ReportRenderings.SingleAsync(r => r.AgencyId == "BGQ-05" && r.Year == 2025, Ct);
        Assert.Equal(("docx", 1), (stored.Format, stored.Version));
        Assert.Equal(a, stored.Content);
    }
}
