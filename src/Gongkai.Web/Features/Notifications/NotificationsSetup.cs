namespace Gongkai.Web.Features.Notifications;

public static class NotificationsSetup
{
    /// <summary>
    /// Templates (checked now: a bad one stops the start), email through SMTP when <c>Smtp:Host</c> is set,
    /// SMS through <c>Sms:Gateway</c> (log, the default, or http), and — unless <c>Notifications:Background</c>
    /// is false — the outbox sender. The hourly staff reminder is a job of the scheduler (<see cref="Jobs.JobsSetup"/>).
    /// </summary>
    public static IServiceCollection AddGongkaiNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new MessageTemplates(MessageTemplates.DirectoryFrom(configuration)));
        services.AddSingleton<IEmailSender, SmtpEmailSender>();
        if (string.Equals(configuration["Sms:Gateway"], "http", StringComparison.OrdinalIgnoreCase))
        {
            services.AddHttpClient<ISmsGateway, HttpSmsGateway>();
        }
        else
        {
            services.AddSingleton<ISmsGateway, LogSmsGateway>();
        }

        services.AddSingleton<OutboxSender>();
        services.AddSingleton<ReminderJob>();
        if (configuration.GetValue("Notifications:Background", true))
        {
            services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        }

        return services;
    }
}
