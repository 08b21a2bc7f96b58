using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Data.Model;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Gongkai.Web.Tests.Notifications;

/// <summary>The application with email on, pointed at a <see cref="TestSmtpServer"/>.</summary>
public sealed class SmtpAppFactory : AppFactory
{
    public TestSmtpServer Smtp { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Smtp:Host", "127.0.0.1");
        builder.UseSetting("Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Smtp:Tls", "none");
        builder.UseSetting("Smtp:From", "gongkai@beiguan.example.gov.cn");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    public Task<int> SendAsync() => Services.GetRequiredService<OutboxSender>().RunOnceAsync(TestContext.Current.CancellationToken);
}

public class NotificationTests(SmtpAppFactory factory) : IClassFixture<SmtpAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> ApplyAsync(string email, string phone, string[]? notify = null)
    {
        var response = await factory.CreateClient().PostAsJsonAsync(WebClient.U("/api/applications"), new
        {
            agencyId = "BGQ-05", applicantType = "natural", name = "周八", honorific = "mr", idNumber = "11010519491231002X", phone, email,
            description = "申请公开灯塔路街道2026年路灯维修记录", consent = true, notify,
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("trackingNumber").GetString()!;
    }

    private MimeMessage Only(string subjectPart) => Assert.Single(factory.Smtp.Received, m => (m.Subject ?? "").Contains(subjectPart, StringComparison.Ordinal));

    [Fact]
    public async Task Receipt_Correction_AndDecision_ArriveByEmail_TheLettersAttached()
    {
        var number = await ApplyAsync("zhou8@example.com", "13300001111", ["email", "sms"]);
        Assert.Equal(1, await factory.SendAsync());
        var receipt = Only($"政府信息公开申请已收到（{number}）");
        Assert.Equal("zhou8@example.com", receipt.To.Mailboxes.Single().Address);
        Assert.Contains("周八先生：", (receipt.TextBody ?? ""), StringComparison.Ordinal);
        Assert.Contains("前（含当日）作出答复", (receipt.TextBody ?? ""), StringComparison.Ordinal);

        var clerk = await factory.SignedInAsync("经办人", "BGQ-05");
        Assert.Equal(HttpStatusCode.OK, (await clerk.Http.PostAsJsonAsync(WebClient.U($"/api/cases/{number}/events"),
            new { kind = "correction-requested", reasons = "请写明路段名称" }, Ct)).StatusCode);
        await factory.SendAsync();
        var correction = Only($"请补正政府信息公开申请（{number}）");
        Assert.Contains("请写明路段名称", (correction.TextBody ?? ""), StringComparison.Ordinal);
        Assert.Equal($"补正申请告知书-{number}.docx", Assert.Single(correction.Attachments).ContentDisposition?.FileName);

        Assert.Equal(HttpStatusCode.OK, (await clerk.Http.PostAsJsonAsync(WebClient.U($"/api/cases/{number}/events"), new { kind = "correction-received", reasons = "灯塔路段" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clerk.Http.PostAsJsonAsync(WebClient.U($"/api/cases/{number}/events"), new { kind = "decided", outcome = "NotHeld" }, Ct)).StatusCode);
        await factory.SendAsync();
        var decision = Only($"政府信息公开申请答复（{number}）");
        Assert.Contains("（四）无法提供", (decision.TextBody ?? ""), StringComparison.Ordinal);
        var letter = (MimePart)Assert.Single(decision.Attachments);
        Assert.Equal($"政府信息公开申请答复书-{number}.docx", letter.FileName);
        using (var content = new MemoryStream())
        {
            await letter.Content!.DecodeToAsync(content, Ct);
            content.Position = 0;
            using var docx = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(content, false);
            Assert.Contains(number, docx.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
        }

        // Staff see every message of the case; the SMS went to the log gateway, which says so.
        var page = await clerk.GetStringAsync($"/admin/cases/{number}");
        Assert.Contains("id=\"case-messages\"", page, StringComparison.Ordinal);
        Assert.Contains("日志模式", page, StringComparison.Ordinal);
        // The applicant sees what was sent and when.
        var tracked = await (await factory.Browser().PostFormAsync("/track", ("Number", number), ("Phone", "13300001111"))).Content.ReadAsStringAsync(Ct);
        Assert.Contains("id=\"track-notices\"", tracked, StringComparison.Ordinal);
        Assert.Contains("答复（电子邮件）", tracked, StringComparison.Ordinal);

        // Sending again sends nothing twice.
        var before = factory.Smtp.Received.Count;
        Assert.Equal(0, await factory.SendAsync());
        Assert.Equal(before, factory.Smtp.Received.Count);
    }

    [Fact]
    public async Task AServerThatRefusesTwice_StillGetsTheMessageOnce_AfterTheBackoff()
    {
        factory.Smtp.RefuseNext = 2;
        var number = await ApplyAsync("retry@example.com", "13300002222");
        Assert.Equal(0, await factory.SendAsync());
        using (var scope = factory.Services.CreateScope())
        {
            var row = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Outbox.Single(o => o.TrackingNumber == number);
            Assert.Equal((1, (int)OutboxStatus.Pending), (row.Attempts, row.Status));
            Assert.DoesNotContain("retry@example.com", row.LastError ?? "", StringComparison.Ordinal);
        }

        Assert.Equal(0, await factory.SendAsync()); // not due before the backoff has passed
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await factory.SendAsync()); // refused again
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await factory.SendAsync());
        Assert.Single(factory.Smtp.Received, m => (m.Subject ?? "").Contains(number, StringComparison.Ordinal));
        Assert.True(factory.Smtp.Refused >= 2);
    }

    [Fact]
    public void EveryShippedSmsTemplate_FitsOneSegment_WithALongAgencyName()
    {
        var templates = factory.Services.GetRequiredService<MessageTemplates>();
        var values = Gongkai.Core.Notifications.Messages.CasePlaceholders.ToDictionary(p => p, p => p switch
        {
            "受理机关" => "北关区人力资源和社会保障局",
            "申请编号" => "20261102-123456",
            "答复期限" or "补正期限" or "收到日期" => "2026年12月31日",
            _ => "（值）",
        });
        foreach (var kind in Enum.GetValues<Gongkai.Core.Notifications.MessageKind>().Where(k => !Gongkai.Core.Notifications.Messages.IsForStaff(k)))
        {
            var text = templates.For(kind, Gongkai.Core.Notifications.MessageChannel.Sms).Render(values).Body;
            Assert.True(text.Length <= Gongkai.Core.Notifications.Messages.SmsSegment, $"{kind}: {text.Length} characters");
            Assert.Contains("20261102-123456", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ATemplateWithAnUnknownPlaceholder_StopsTheStart_NamingIt()
    {
        var dir = Directory.CreateTempSubdirectory("gongkai-templates-").FullName;
        foreach (var file in Directory.GetFiles(MessageTemplates.DirectoryFrom(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build())))
        {
            File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        }

        File.AppendAllText(Path.Combine(dir, "decided.email.txt"), "\n办理人：{经办人电话}\n");
        using var broken = new BrokenTemplatesFactory(dir);
        var error = Assert.ThrowsAny<Exception>(() => broken.CreateClient());
        var message = error.ToString();
        Assert.Contains("decided.email.txt", message, StringComparison.Ordinal);
        Assert.Contains("{经办人电话}", message, StringComparison.Ordinal);
    }

    private sealed class BrokenTemplatesFactory(string dir) : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Notifications:Templates", dir);
        }
    }
}
