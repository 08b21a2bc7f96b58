using Gongkai.Core.Cases;
using Gongkai.Core.Publishing;

namespace Gongkai.Core.Vocabulary;

/// <summary>
/// The legal vocabularies of the case and publishing records, each in one place. Codes are stable
/// contracts (CLI options, CSV, forms, JSON; event kinds are also the database's text). Database
/// columns of the enum-valued fields keep the enum's integer, whose values are therefore fixed.
/// </summary>
public static class Vocabularies
{
    /// <summary>条例 第三十一条: how an application arrived.</summary>
    public static readonly Vocabulary<ReceiptChannel> Channels = new("申请渠道",
        new(ReceiptChannel.InPerson, "in-person", "当面"),
        new(ReceiptChannel.Oral, "oral", "口头代填"),
        new(ReceiptChannel.RegisteredPost, "registered-post", "邮寄-挂号"),
        new(ReceiptChannel.OrdinaryLetter, "letter", "邮寄-平信"),
        new(ReceiptChannel.Online, "online", "网络"),
        new(ReceiptChannel.Fax, "fax", "传真"));

    /// <summary>The steps of an application's ledger (<see cref="CaseEvent"/>).</summary>
    public static readonly Vocabulary<CaseEventKind> EventKinds = new("办理步骤",
        new(CaseEventKind.Received, CaseEventCodes.Received, "收到申请"),
        new(CaseEventKind.CorrectionRequested, CaseEventCodes.CorrectionRequested, "告知补正"),
        new(CaseEventKind.CorrectionReceived, CaseEventCodes.CorrectionReceived, "收到补正"),
        new(CaseEventKind.ConsultationSent, CaseEventCodes.ConsultationSent, "征求意见"),
        new(CaseEventKind.ConsultationAnswered, CaseEventCodes.ConsultationAnswered, "收到意见"),
        new(CaseEventKind.ExtensionApproved, CaseEventCodes.ExtensionApproved, "延期答复"),
        new(CaseEventKind.FeeNoticeSent, CaseEventCodes.FeeNoticeSent, "发出收费通知"),
        new(CaseEventKind.FeeNoticeReceived, CaseEventCodes.FeeNoticeReceived, "申请人收到收费通知"),
        new(CaseEventKind.FeePaid, CaseEventCodes.FeePaid, "缴费"),
        new(CaseEventKind.Decided, CaseEventCodes.Decided, "作出答复"),
        new(CaseEventKind.Withdrawn, CaseEventCodes.Withdrawn, "撤回申请"));

    /// <summary>Table 四's groups.</summary>
    public static readonly Vocabulary<AppealKind> AppealKinds = new("复议诉讼类型",
        new(AppealKind.Reconsideration, "reconsideration", "行政复议"),
        new(AppealKind.LitigationDirect, "litigation-direct", "未经复议直接起诉"),
        new(AppealKind.LitigationAfterReconsideration, "litigation-after-reconsideration", "复议后起诉"));

    /// <summary>Table 四's results.</summary>
    public static readonly Vocabulary<AppealResult> AppealResults = new("复议诉讼结果",
        new(AppealResult.Upheld, "upheld", "结果维持"),
        new(AppealResult.Corrected, "corrected", "结果纠正"),
        new(AppealResult.Other, "other", "其他结果"));

    /// <summary>Table 二 第（一）项.</summary>
    public static readonly Vocabulary<NormativeKind> NormativeKinds = new("文件类型",
        new(NormativeKind.Rule, "rule", "规章"),
        new(NormativeKind.NormativeDocument, "normative", "规范性文件"));

    /// <summary>The review chain of a publication.</summary>
    public static readonly Vocabulary<ReviewStep> ReviewSteps = new("发布环节",
        [.. Enum.GetValues<ReviewStep>().Select(s => new Term<ReviewStep>(s, s.ToString(), PublicationReview.Label(s)))]);
}
