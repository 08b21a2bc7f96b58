using Gongkai.Core.Cases;

namespace Gongkai.Core.Deadlines;

/// <summary>
/// Every deadline of an application, derived from its ledger (条例 第三十条–第三十三条,
/// 国办函〔2020〕109号). Each result carries its explanation.
/// </summary>
public static class CaseDeadlines
{
    /// <summary>条例 第三十条: the 补正 notice within 7 working days of receipt.</summary>
    public const int CorrectionNoticeWorkdays = 7;

    /// <summary>
    /// 条例 第三十条 asks for 「合理的补正期限」 without a number; 15 working days is the period
    /// agencies' 补正告知书 commonly give (and Gongkai's letter by default). The clerk may set another.
    /// </summary>
    public const int DefaultCorrectionWorkdays = 15;

    /// <summary>The longest 补正期限 Gongkai accepts (a guard against typing errors, not a legal limit).</summary>
    public const int MaxCorrectionWorkdays = 60;

    /// <summary>条例 第三十三条第二款: the answer within 20 working days of receipt.</summary>
    public const int AnswerWorkdays = 20;

    /// <summary>条例 第三十二条、第三十四条: the consulted party replies within 15 working days.</summary>
    public const int ConsultationWorkdays = 15;

    /// <summary>国办函〔2020〕109号: payment within 20 working days from the day after the notice is received.</summary>
    public const int FeePaymentWorkdays = 20;

    /// <summary>
    /// Why the fee wait is not counted. 国办函〔2020〕109号 has the 收费通知 sent within the answer
    /// period and gives the applicant 20 working days to pay, but the ledger (rightly) forbids an answer
    /// before payment; counting the wait would make every paid case overdue for a step the law
    /// forbids. Local rules implementing 109号 exclude it; so does Gongkai.
    /// </summary>
    public const string FeePauseBasis =
        "收费通知发出之日至收到申请人缴费之日不计算在答复期限内（国办函〔2020〕109号规定在答复期限内发出收费通知、申请人自收到通知次日起20个工作日内缴费，缴费前不得作出答复；该期间是否计入答复期限未明确，本系统按各地实施办法的做法不计入）";

    /// <summary>The end of the 补正期限 the notice gave, or null without a 补正 notice. 逾期不补正 only after it.</summary>
    public static ComputedDate? CorrectionPeriodEnd(CaseLedger ledger) =>
        ledger.CorrectionRequest is { } request
            ? WorkdayPeriod.Compute(ledger.Calendar, "补正期限",
                $"补正期限：补正告知书给予申请人{request.Workdays}个工作日补正，期满无正当理由不补正的视为放弃申请（条例第三十条），以告知书发出之日计",
                request.On, "发出补正申请告知书", request.Workdays)
            : null;

    public static ComputedDate CorrectionNoticeDue(CaseLedger ledger) =>
        WorkdayPeriod.Compute(ledger.Calendar, "补正通知期限",
            "补正通知期限：收到申请之日起7个工作日内一次性告知申请人补正（条例第三十条）",
            ledger.Receipt.On, ledger.Receipt.Channel.DateMeaning(), CorrectionNoticeWorkdays);

    /// <summary>
    /// The answer due date, or null while a 补正 notice is unanswered (the clock is stopped and
    /// restarts, for a new 20 working days, from the day the corrected application arrives).
    /// Consultation time is excluded; an approved extension is added.
    /// </summary>
    public static ComputedDate? AnswerDue(CaseLedger ledger) => AnswerDue(ledger, withFeePause: true);

    private static ComputedDate? AnswerDue(CaseLedger ledger, bool withFeePause)
    {
        if (ledger.CorrectionRequest is not null && ledger.Correction is null)
        {
            return null;
        }

        var (start, startReason) = ledger.Correction is { } c
            ? (c.On, "收到补正后的申请；答复期限自收到补正的申请之日起重新计算（条例第三十条）")
            : (ledger.Receipt.On, ledger.Receipt.Channel.DateMeaning());

        var pauses = ledger.Consultations.Where(x => x.Sent >= start).Select(x => ConsultationPause(ledger, x)).ToList();
        var feePause = withFeePause ? FeePause(ledger) : null;
        if (feePause is not null)
        {
            pauses.Add(feePause);
        }

        var days = AnswerWorkdays;
        var rule = "答复期限：收到申请之日起20个工作日内予以答复（条例第三十三条第二款）";
        if (ledger.Extension is { } ext)
        {
            days += ext.Workdays;
            rule += $"；经政府信息公开工作机构负责人（{ext.ApprovedBy}）于 {Explanation.Day(ext.On)} 同意延长 {ext.Workdays} 个工作日，共 {days} 个工作日";
        }

        if (pauses.Count > (feePause is null ? 0 : 1))
        {
            rule += "；征求第三方和其他机关意见所需时间不计算在期限内（条例第三十三条第三款）";
        }

        if (feePause is not null)
        {
            rule += "；" + FeePauseBasis;
        }

        return WorkdayPeriod.Compute(ledger.Calendar, "答复期限", rule, start, startReason, days, pauses);
    }

    /// <summary>
    /// The fee wait: from the day the 收费通知 is sent to the day payment arrives, both included;
    /// while unpaid, to the end of the payment window (provisionally, from the day the notice was
    /// sent if its receipt is not yet recorded). Null when no fee was asked.
    /// </summary>
    public static Pause? FeePause(CaseLedger ledger)
    {
        if (ledger.FeeNotice is not { } notice)
        {
            return null;
        }

        if (ledger.Payment is { } paid)
        {
            return new Pause(notice.On, paid.On, "等待申请人缴纳信息处理费，至收到缴费之日");
        }

        var window = FeePaymentDue(ledger) ?? PaymentWindow(ledger, notice.On, "收费通知发出（申请人收到日期未登记，暂按发出之日计）");
        return new Pause(notice.On, window.Date, "申请人尚未缴费，暂按缴费期满之日计");
    }

    /// <summary>
    /// Days excluded for a consultation: from the day the letter is sent to the day the reply
    /// arrives or the 15 working days end, whichever is first, both included.
    /// </summary>
    public static Pause ConsultationPause(CaseLedger ledger, Consultation consultation)
    {
        var limit = ConsultationReplyDue(ledger, consultation).Date;
        var party = consultation.Party == ConsultationParty.ThirdParty ? "征求第三方意见（条例第三十二条）" : "征求其他行政机关意见（条例第三十四条）";
        return consultation.Answered is { } answered && answered <= limit
            ? new Pause(consultation.Sent, answered, $"{party}，至收到答复之日")
            : consultation.Answered is not null
                ? new Pause(consultation.Sent, limit, $"{party}，答复晚于15个工作日，只扣除至期满之日")
                : new Pause(consultation.Sent, limit, $"{party}，尚未答复，暂按15个工作日期满之日计");
    }

    public static ComputedDate ConsultationReplyDue(CaseLedger ledger, Consultation consultation) =>
        WorkdayPeriod.Compute(ledger.Calendar, "征求意见答复期限",
            consultation.Party == ConsultationParty.ThirdParty
                ? "第三方答复期限：自收到征求意见书之日起15个工作日内（条例第三十二条），以发出之日计"
                : "其他机关答复期限：自收到征求意见书之日起15个工作日内（条例第三十四条），以发出之日计",
            consultation.Sent, "发出征求意见书", ConsultationWorkdays);

    /// <summary>The payment window, once the applicant has received the 收费通知.</summary>
    public static ComputedDate? FeePaymentDue(CaseLedger ledger) =>
        ledger.FeeNoticeDelivery is { } received ? PaymentWindow(ledger, received.On, "申请人收到收费通知") : null;

    private static ComputedDate PaymentWindow(CaseLedger ledger, DateOnly start, string startReason) =>
        WorkdayPeriod.Compute(ledger.Calendar, "缴费期限",
            "缴费期限：申请人自收到收费通知次日起20个工作日内缴纳，逾期未缴纳视为放弃申请（国办函〔2020〕109号）",
            start, startReason, FeePaymentWorkdays);

    /// <summary>Problems with how the case was handled against its deadlines, in zh-CN.</summary>
    public static IReadOnlyList<string> Problems(CaseLedger ledger)
    {
        var problems = new List<string>();
        if (ledger.CorrectionRequest is { } cr && cr.On > CorrectionNoticeDue(ledger).Date)
        {
            problems.Add($"补正通知于 {Explanation.Day(cr.On)} 发出，晚于 {Explanation.Day(CorrectionNoticeDue(ledger).Date)}（条例第三十条）");
        }

        var answerDue = AnswerDue(ledger);
        if (ledger.FeeNotice is { } fee && AnswerDue(ledger, withFeePause: false) is { } beforeFee && fee.On > beforeFee.Date)
        {
            problems.Add($"收费通知于 {Explanation.Day(fee.On)} 发出，超出答复期限 {Explanation.Day(beforeFee.Date)}（国办函〔2020〕109号：应在处理期限内发出）");
        }

        if (ledger.Decision is { } d && answerDue is not null && d.On > answerDue.Date
            && d.Outcome is not (Statute.Outcome.NoCorrection or Statute.Outcome.UnpaidFee))
        {
            problems.Add($"于 {Explanation.Day(d.On)} 答复，超过答复期限 {Explanation.Day(answerDue.Date)}（条例第三十三条）");
        }

        return problems;
    }
}
