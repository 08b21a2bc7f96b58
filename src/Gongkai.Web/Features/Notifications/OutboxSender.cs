using System.Globalization;
using Gongkai.Core.Calendar;
using Gongkai.Core.Deadlines;
using Gongkai.Core.Identity;
using Gongkai.Core.Notifications;
using Gongkai.Data.Cases;
using Gongkai.Data.Model;
using Gongkai.Data.Notifications;
using Gongkai.Documents.Letters;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Features.Notifications;

/// <summary>
/// Delivers the outbox: claims due messages, renders each from its template and the case as it stands
/// (with the step's letter attached to an email where the step has one), sends it, and records the
/// outcome — sent, retried with backoff (<see cref="OutboxStore.Backoff"/>), failed after
/// <see cref="OutboxStore.MaxAttempts"/>, or skipped when its channel is not configured here. Runs every
/// <c>Notifications:PollSeconds</c> (10) on every node; claims keep two nodes from sending one message.
/// </summary>
public sealed class OutboxSender(IServiceScopeFactory scopes, MessageTemplates templates, IEmailSender email, ISmsGateway sms, IConfiguration configuration,
    TimeProvider clock, ILogger<OutboxSender> logger) : BackgroundService
{
    public const int Batch = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!email.Enabled)
        {
            logger.LogInformation("Email is off: no Smtp:Host configured; email messages are kept in the outbox as skipped");
        }

        var poll = TimeSpan.FromSeconds(configuration.GetValue("Notifications:PollSeconds", 10));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
                await Task.Delay(poll, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Outbox sender pass failed");
                await Task.Delay(poll, clock, stoppingToken);
            }
        }
    }

    /// <summary>One pass: every message due now, up to <see cref="Batch"/>. Returns how many were sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var board = scope.ServiceProvider.GetRequiredService<CaseBoard>();
        var store = new OutboxStore(db);
        var sent = 0;
        foreach (var row in await store.ClaimDueAsync(Batch, ct))
        {
            try
            {
                if ((MessageChannel)row.Channel == MessageChannel.Email && !email.Enabled)
                {
                    await store.SkippedAsync(row.Id, "未配置邮件服务（Smtp:Host），未发送", ct);
                    continue;
                }

                if ((MessageChannel)row.Channel == MessageChannel.Sms && !sms.Delivers)
                {
                    await sms.SendAsync(await SmsAsync(db, board, row, ct), ct);
                    await store.SkippedAsync(row.Id, "短信网关为日志模式（Sms:Gateway=log），未实际发送", ct);
                    continue;
                }

                var (subject, body) = await SendAsync(db, board, row, ct);
                await store.SentAsync(row.Id, subject, body, ct);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                logger.LogWarning("Outbox message {Id} ({Kind}) failed on attempt {Attempt}: {Error}", row.Id, ((MessageKind)row.Kind).Code(), row.Attempts + 1, e.GetType().Name);
                await store.FailedAsync(row, WithoutContacts(e.Message), ct);
            }
        }

        return sent;
    }

    private async Task<(string Subject, string Body)> SendAsync(GongkaiDbContext db, CaseBoard board, OutboxRow row, CancellationToken ct)
    {
        if (((MessageKind)row.Kind).IsForStaff())
        {
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == row.StaffUserId, ct);
            if (user.Email is not { Length: > 0 } to || !user.EmailReminders)
            {
                throw new InvalidOperationException("该工作人员已关闭提醒或没有电子邮箱");
            }

            await email.SendAsync(new EmailMessage(to, row.Subject ?? "", row.Body ?? ""), ct);
            return (row.Subject ?? "", row.Body ?? "");
        }

        if ((MessageChannel)row.Channel == MessageChannel.Sms)
        {
            var message = await SmsAsync(db, board, row, ct);
            await sms.SendAsync(message, ct);
            return ("", message.Text);
        }

        var (application, ledger, agency, values) = await CaseAsync(db, board, row.TrackingNumber!, ct);
        var (subject, body) = templates.For((MessageKind)row.Kind, MessageChannel.Email).Render(values);
        var letter = LetterFor((MessageKind)row.Kind);
        byte[]? attachment = null;
        string? name = null;
        if (letter is { } kind && CaseLetters.Applies(kind, ledger))
        {
            attachment = LetterDocxWriter.Write(CaseLetters.For(kind, await board.LetterFactsAsync(application, agency, ct), ledger));
            name = $"{CaseLetters.FileName(kind)}-{application.TrackingNumber}.docx";
        }

        await email.SendAsync(new EmailMessage(application.Email!, subject, body, name, attachment), ct);
        return (subject, body);
    }

    private async Task<SmsMessage> SmsAsync(GongkaiDbContext db, CaseBoard board, OutboxRow row, CancellationToken ct)
    {
        var (application, _, _, values) = await CaseAsync(db, board, row.TrackingNumber!, ct);
        var kind = (MessageKind)row.Kind;
        var text = MessageTemplate.OneSegment(templates.For(kind, MessageChannel.Sms).Render(values).Body);
        return new SmsMessage(application.Phone, configuration[$"Sms:Templates:{kind.Code()}"] ?? kind.Code(), values, text);
    }

    /// <summary>A server's error text may quote the recipient: addresses and long digit runs are masked before it is stored.</summary>
    public static string WithoutContacts(string error) =>
        System.Text.RegularExpressions.Regex.Replace(System.Text.RegularExpressions.Regex.Replace(error, @"[^\s<>""']+@[^\s<>""']+", "***@***"), @"\+?\d[\d -]{6,}\d", "***");

    private static LetterKind? LetterFor(MessageKind kind) => kind switch
    {
        MessageKind.CorrectionRequested => LetterKind.Correction,
        MessageKind.ExtensionApproved => LetterKind.Extension,
        MessageKind.FeeNoticeSent => LetterKind.Fee,
        MessageKind.Decided => LetterKind.Decision,
        _ => null,
    };

    /// <summary>The case as it stands, and the values of its messages' placeholders (<see cref="Messages.CasePlaceholders"/>).</summary>
    private async Task<(ApplicationRow Application, Core.Cases.CaseLedger Ledger, string Agency, Dictionary<string, string> Values)> CaseAsync(GongkaiDbContext db, CaseBoard board, string trackingNumber, CancellationToken ct)
    {
        var application = await db.Applications.AsNoTracking().Include(a => a.Events).SingleAsync(a => a.TrackingNumber == trackingNumber, ct);
        var ledger = board.LedgerOf(application);
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == application.AgencyId).Select(a => a.Name).SingleAsync(ct);
        static string D(DateOnly? d) => d?.ToString("yyyy年M月d日", CultureInfo.InvariantCulture) ?? "—";
        var site = configuration["Notifications:PublicUrl"] is { Length: > 0 } url ? url.TrimEnd('/') + "/track" : "本平台「办理查询」";
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["申请编号"] = application.TrackingNumber,
            ["申请人"] = Honorifics.Addressee(application.ApplicantName, (Honorific)application.Honorific, application.ApplicantType != (int)Core.Statute.ApplicantType.Natural),
            ["受理机关"] = agency,
            ["收到日期"] = D(ledger.Receipt.On),
            ["答复期限"] = D(CaseDeadlines.AnswerDue(ledger)?.Date),
            ["办理结果"] = ledger.Decision is { } d ? CaseBoard.OutcomeLabel(d.Outcome) : "—",
            ["补正事项"] = ledger.CorrectionRequest?.Items ?? "见补正申请告知书",
            ["补正期限"] = D(CaseDeadlines.CorrectionPeriodEnd(ledger)?.Date),
            ["查询网址"] = site,
        };
        return (application, ledger, agency, values);
    }
}
