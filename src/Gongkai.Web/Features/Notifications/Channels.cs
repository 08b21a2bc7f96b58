using System.Net.Http.Json;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Gongkai.Web.Features.Notifications;

/// <summary>An email to send, with an optional attachment (the letter of the step).</summary>
public sealed record EmailMessage(string To, string Subject, string Body, string? AttachmentName = null, byte[]? Attachment = null);

public interface IEmailSender
{
    /// <summary>False when email is off here (no <c>Smtp:Host</c>).</summary>
    bool Enabled { get; }

    Task SendAsync(EmailMessage message, CancellationToken ct);
}

/// <summary>SMTP through MailKit, configured by <c>Smtp:Host</c>, <c>Smtp:Port</c> (25), <c>Smtp:From</c>, <c>Smtp:User</c>, <c>Smtp:Password</c>, <c>Smtp:Tls</c> (none, starttls or ssl; default starttls when offered).</summary>
public sealed class SmtpEmailSender(IConfiguration configuration) : IEmailSender
{
    private string? Host => configuration["Smtp:Host"] is { Length: > 0 } h ? h : null;

    public bool Enabled => Host is not null;

    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(configuration["Smtp:From"] is { Length: > 0 } from ? from : "noreply@gongkai.local"));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        var body = new BodyBuilder { TextBody = message.Body };
        if (message.Attachment is { } bytes)
        {
            body.Attachments.Add(message.AttachmentName ?? "附件", bytes);
        }

        mime.Body = body.ToMessageBody();
        using var client = new SmtpClient();
        var tls = (configuration["Smtp:Tls"] ?? "").ToLowerInvariant() switch
        {
            "none" or "false" => SecureSocketOptions.None,
            "ssl" => SecureSocketOptions.SslOnConnect,
            "starttls" or "true" => SecureSocketOptions.StartTls,
            _ => SecureSocketOptions.StartTlsWhenAvailable,
        };
        await client.ConnectAsync(Host ?? throw new InvalidOperationException("未配置 Smtp:Host"), configuration.GetValue("Smtp:Port", 25), tls, ct);
        if (configuration["Smtp:User"] is { Length: > 0 } user)
        {
            await client.AuthenticateAsync(user, configuration["Smtp:Password"] ?? "", ct);
        }

        await client.SendAsync(mime, ct);
        await client.DisconnectAsync(true, ct);
    }
}

/// <summary>An SMS through a gateway: the shape Chinese SMS services use — a signature name, a template code per message, the template's parameters.</summary>
public sealed record SmsMessage(string Phone, string TemplateCode, IReadOnlyDictionary<string, string> Parameters, string Text);

public interface ISmsGateway
{
    /// <summary>False for a gateway that only records (the message is kept as not sent).</summary>
    bool Delivers { get; }

    Task SendAsync(SmsMessage message, CancellationToken ct);
}

/// <summary>The default: logs that an SMS would be sent (tracking number and template only — never the phone number or the text).</summary>
public sealed class LogSmsGateway(ILogger<LogSmsGateway> logger) : ISmsGateway
{
    public bool Delivers => false;

    public Task SendAsync(SmsMessage message, CancellationToken ct)
    {
        logger.LogInformation("SMS (log gateway): template {Template}, case {TrackingNumber}, {Length} characters", message.TemplateCode,
            message.Parameters.GetValueOrDefault("申请编号"), message.Text.Length);
        return Task.CompletedTask;
    }
}

/// <summary>
/// <c>Sms:Gateway=http</c>: POSTs <c>{"phone","signName","templateCode","params"}</c> as JSON to <c>Sms:Url</c>
/// (with <c>Authorization: Bearer Sms:Token</c> when set); any status but 2xx is a failure, retried by the outbox.
/// </summary>
public sealed class HttpSmsGateway(HttpClient http, IConfiguration configuration) : ISmsGateway
{
    public bool Delivers => true;

    public async Task SendAsync(SmsMessage message, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, configuration["Sms:Url"])
        {
            Content = JsonContent.Create(new { phone = message.Phone, signName = configuration["Sms:SignName"] ?? "政务公开", templateCode = message.TemplateCode, @params = message.Parameters }),
        };
        if (configuration["Sms:Token"] is { Length: > 0 } token)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"短信网关返回 {(int)response.StatusCode}");
        }
    }
}
