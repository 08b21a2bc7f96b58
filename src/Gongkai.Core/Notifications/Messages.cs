using Gongkai.Core.Cases;

namespace Gongkai.Core.Notifications;

/// <summary>How a message travels.</summary>
public enum MessageChannel
{
    Email = 0,
    Sms = 1,
}

/// <summary>What a message is about: a step of the applicant's case, or a staff reminder.</summary>
public enum MessageKind
{
    Received = 0,
    CorrectionRequested = 1,
    ConsultationSent = 2,
    ExtensionApproved = 3,
    FeeNoticeSent = 4,
    Decided = 5,
    StaffReminder = 6,
    ReportReminder = 7,
}

/// <summary>
/// Which case steps the applicant is told of (收到申请, 补正告知, 征求意见, 延期, 收费通知, 答复 — a
/// 逾期不补正 closure is a 答复 too), each message's template name and its placeholders. Templates are
/// files an administrator may edit; a placeholder they use that is not listed here is an error at start.
/// </summary>
public static class Messages
{
    /// <summary>The message a ledger step sends the applicant, or null for a step that sends none.</summary>
    public static MessageKind? For(CaseEvent e) => e switch
    {
        ApplicationReceived => MessageKind.Received,
        CorrectionRequested => MessageKind.CorrectionRequested,
        ConsultationSent => MessageKind.ConsultationSent,
        ExtensionApproved => MessageKind.ExtensionApproved,
        FeeNoticeSent => MessageKind.FeeNoticeSent,
        Decided => MessageKind.Decided,
        _ => null,
    };

    /// <summary>The template file's name (without extension) and the stored code.</summary>
    public static string Code(this MessageKind kind) => kind switch
    {
        MessageKind.Received => "received",
        MessageKind.CorrectionRequested => "correction-requested",
        MessageKind.ConsultationSent => "consultation-sent",
        MessageKind.ExtensionApproved => "extension-approved",
        MessageKind.FeeNoticeSent => "fee-notice-sent",
        MessageKind.Decided => "decided",
        MessageKind.StaffReminder => "staff-reminder",
        MessageKind.ReportReminder => "report-reminder",
    };

    public static string Label(this MessageKind kind) => kind switch
    {
        MessageKind.Received => "收到申请",
        MessageKind.CorrectionRequested => "补正告知",
        MessageKind.ConsultationSent => "征求意见",
        MessageKind.ExtensionApproved => "延期答复",
        MessageKind.FeeNoticeSent => "收费通知",
        MessageKind.Decided => "答复",
        MessageKind.StaffReminder => "到期提醒",
        MessageKind.ReportReminder => "年报提醒",
    };

    public static string Label(this MessageChannel channel) => channel switch
    {
        MessageChannel.Email => "电子邮件",
        MessageChannel.Sms => "短信",
    };

    /// <summary>Placeholders every case message may use.</summary>
    public static readonly IReadOnlyList<string> CasePlaceholders = ["申请编号", "申请人", "受理机关", "收到日期", "答复期限", "办理结果", "补正事项", "补正期限", "查询网址"];

    /// <summary>Placeholders of the staff reminder.</summary>
    public static readonly IReadOnlyList<string> ReminderPlaceholders = ["姓名", "日期", "案件清单", "即将到期数", "已超期数"];

    /// <summary>Placeholders of the yearly 年报 reminder (条例 第四十九条).</summary>
    public static readonly IReadOnlyList<string> ReportReminderPlaceholders = ["姓名", "机关", "年度", "公布期限"];

    /// <summary>Messages to staff (by email only), not to an applicant.</summary>
    public static bool IsForStaff(this MessageKind kind) => kind is MessageKind.StaffReminder or MessageKind.ReportReminder;

    public static IReadOnlyList<string> PlaceholdersOf(MessageKind kind) => kind switch
    {
        MessageKind.StaffReminder => ReminderPlaceholders,
        MessageKind.ReportReminder => ReportReminderPlaceholders,
        _ => CasePlaceholders,
    };

    /// <summary>One SMS segment of Chinese text (GSM 03.38 UCS-2: 70 characters); longer texts are cut and end with 「…」.</summary>
    public const int SmsSegment = 70;
}

/// <summary>How an applicant chose to be told of their case (both, one or neither).</summary>
[Flags]
public enum NotifyBy
{
    None = 0,
    Email = 1,
    Sms = 2,
}
