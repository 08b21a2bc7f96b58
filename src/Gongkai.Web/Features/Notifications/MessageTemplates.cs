using Gongkai.Core.Notifications;

namespace Gongkai.Web.Features.Notifications;

/// <summary>
/// The zh-CN message templates, one file per message and channel (<c>received.email.txt</c>,
/// <c>received.sms.txt</c>, …, <c>staff-reminder.email.txt</c>) in <c>Notifications:Templates</c> (default:
/// the copies beside the program). Read and checked once at start: a missing file or an unknown
/// placeholder stops the start with a <see cref="TemplateException"/> naming it.
/// </summary>
public sealed class MessageTemplates
{
    private readonly Dictionary<(MessageKind, MessageChannel), MessageTemplate> _templates = [];

    public MessageTemplates(string directory)
    {
        Directory = directory;
        foreach (var kind in Enum.GetValues<MessageKind>())
        {
            foreach (var channel in Enum.GetValues<MessageChannel>())
            {
                if (kind.IsForStaff() && channel == MessageChannel.Sms)
                {
                    continue; // staff messages go by email only
                }

                var name = $"{kind.Code()}.{(channel == MessageChannel.Email ? "email" : "sms")}.txt";
                var path = Path.Combine(directory, name);
                if (!File.Exists(path))
                {
                    throw new TemplateException($"缺少消息模板 {path}");
                }

                _templates[(kind, channel)] = MessageTemplate.Parse(name, File.ReadAllText(path), Messages.PlaceholdersOf(kind).ToArray());
            }
        }
    }

    public string Directory { get; }

    public MessageTemplate For(MessageKind kind, MessageChannel channel) => _templates[(kind, channel)];

    /// <summary>The directory configured, else the templates copied beside the program.</summary>
    public static string DirectoryFrom(IConfiguration configuration) =>
        configuration["Notifications:Templates"] is { Length: > 0 } dir ? dir : Path.Combine(AppContext.BaseDirectory, "Features", "Notifications", "Templates");
}
