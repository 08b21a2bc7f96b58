using System.Globalization;
using Gongkai.Core.Calendar;
using Gongkai.Core.Deadlines;
using Gongkai.Core.Statute;

namespace Gongkai.Core.Cases;

/// <summary>An event that may not follow the ledger so far; the message says why, in zh-CN.</summary>
public sealed class LedgerException(string message) : InvalidOperationException(message);

/// <summary>Where a case stands, derived from its ledger.</summary>
public enum CaseStatus
{
    InProgress,
    AwaitingCorrection,
    Consulting,
    AwaitingPayment,
    Decided,
    Withdrawn,
}

/// <summary>An open or closed consultation.</summary>
public sealed record Consultation(DateOnly Sent, ConsultationParty Party, DateOnly? Answered);

/// <summary>
/// The event ledger of one application. Events are appended in date order and refused, with a
/// reason, when they cannot follow what is already recorded. Everything else — the status and
/// every deadline (<see cref="CaseDeadlines"/>) — is derived from the events.
/// </summary>
public sealed class CaseLedger
{
    /// <summary>Most one extension may add (条例 第三十三条第二款).</summary>
    public const int MaxExtensionWorkdays = 20;

    private readonly List<CaseEvent> _events = [];

    public CaseLedger(ApplicationReceived received, WorkdayCalendar? calendar = null)
    {
        Calendar = calendar ?? WorkdayCalendar.Default;
        _events.Add(received);
    }

    public WorkdayCalendar Calendar { get; }

    public IReadOnlyList<CaseEvent> Events => _events;

    public ApplicationReceived Receipt => (ApplicationReceived)_events[0];

    public CorrectionRequested? CorrectionRequest => _events.OfType<CorrectionRequested>().FirstOrDefault();

    public CorrectionReceived? Correction => _events.OfType<CorrectionReceived>().FirstOrDefault();

    public ExtensionApproved? Extension => _events.OfType<ExtensionApproved>().FirstOrDefault();

    public FeeNoticeSent? FeeNotice => _events.OfType<FeeNoticeSent>().FirstOrDefault();

    public FeeNoticeReceived? FeeNoticeDelivery => _events.OfType<FeeNoticeReceived>().FirstOrDefault();

    public FeePaid? Payment => _events.OfType<FeePaid>().FirstOrDefault();

    public Decided? Decision => _events.OfType<Decided>().FirstOrDefault();

    public Withdrawn? Withdrawal => _events.OfType<Withdrawn>().FirstOrDefault();

    public IReadOnlyList<Consultation> Consultations
    {
        get
        {
            var result = new List<Consultation>();
            foreach (var e in _events)
            {
                switch (e)
                {
                    case ConsultationSent s:
                        result.Add(new Consultation(s.On, s.Party, null));
                        break;
                    case ConsultationAnswered a:
                        result[^1] = result[^1] with { Answered = a.On };
                        break;
                }
            }

            return result;
        }
    }

    public CaseStatus Status => this switch
    {
        { Decision: not null } => CaseStatus.Decided,
        { Withdrawal: not null } => CaseStatus.Withdrawn,
        { CorrectionRequest: not null, Correction: null } => CaseStatus.AwaitingCorrection,
        _ when Consultations.Any(c => c.Answered is null) => CaseStatus.Consulting,
        { FeeNotice: not null, Payment: null } => CaseStatus.AwaitingPayment,
        _ => CaseStatus.InProgress,
    };

    /// <summary>Appends an event or throws <see cref="LedgerException"/> saying why it cannot follow.</summary>
    public CaseLedger Append(CaseEvent e)
    {
        var last = _events[^1].On;
        if (e.On < last)
        {
            Refuse($"事件日期 {D(e.On)} 早于上一事件（{D(last)}），台账只能按时间顺序追加");
        }

        if (Status is CaseStatus.Decided or CaseStatus.Withdrawn)
        {
            Refuse(Status == CaseStatus.Decided ? "案件已答复办结，不能再追加办理事件" : "申请已撤回，不能再追加办理事件");
        }

        switch (e)
        {
            case ApplicationReceived:
                Refuse("一件申请只能登记收到一次");
                break;
            case CorrectionRequested when CorrectionRequest is not null:
                Refuse("补正应一次性告知（条例第三十条），本案已发出过补正通知");
                break;
            case CorrectionRequested when Consultations.Count > 0 || FeeNotice is not null:
                Refuse("已开始征求意见或收费的申请不能再要求补正");
                break;
            case CorrectionRequested r when r.Workdays is < 1 or > CaseDeadlines.MaxCorrectionWorkdays:
                Refuse($"补正期限应为 1–{CaseDeadlines.MaxCorrectionWorkdays} 个工作日（条例第三十条：合理的补正期限）");
                break;
            case CorrectionReceived when CorrectionRequest is null:
                Refuse("尚未发出补正通知，不能登记收到补正");
                break;
            case CorrectionReceived when Correction is not null:
                Refuse("已登记收到补正");
                break;
            case ConsultationSent when Status == CaseStatus.AwaitingCorrection:
                Refuse("申请人尚未补正，不能征求意见");
                break;
            case ConsultationSent when Status == CaseStatus.Consulting:
                Refuse("上一次征求意见尚未答复或期满，请先登记答复");
                break;
            case ConsultationAnswered when Status != CaseStatus.Consulting:
                Refuse("没有正在进行的征求意见");
                break;
            case ExtensionApproved x:
                CheckExtension(x);
                break;
            case FeeNoticeSent when FeeNotice is not null:
                Refuse("本案已发出收费通知");
                break;
            case FeeNoticeSent when Status == CaseStatus.AwaitingCorrection:
                Refuse("申请人尚未补正，不能发出收费通知");
                break;
            case FeeNoticeReceived when FeeNotice is null:
                Refuse("尚未发出收费通知");
                break;
            case FeeNoticeReceived when FeeNoticeDelivery is not null:
                Refuse("已登记申请人收到收费通知");
                break;
            case FeePaid when FeeNoticeDelivery is null:
                Refuse("尚未登记申请人收到收费通知，不能登记缴费");
                break;
            case FeePaid when Payment is not null:
                Refuse("已登记缴费");
                break;
            case FeePaid p:
                var due = CaseDeadlines.FeePaymentDue(this)!;
                if (p.On > due.Date)
                {
                    Refuse($"缴费期限已于 {D(due.Date)} 届满，逾期未缴纳视为放弃申请（国办函〔2020〕109号）");
                }

                break;
            case Decided d:
                CheckDecision(d);
                break;
        }

        _events.Add(e);
        return this;
    }

    private void CheckExtension(ExtensionApproved x)
    {
        if (Extension is not null)
        {
            Refuse("答复期限只能延长一次（条例第三十三条第二款）");
        }

        if (x.Workdays is < 1 or > MaxExtensionWorkdays)
        {
            Refuse($"延长期限最长 {MaxExtensionWorkdays} 个工作日（条例第三十三条第二款），不能延长 {x.Workdays.ToString(CultureInfo.InvariantCulture)} 个工作日");
        }

        if (string.IsNullOrWhiteSpace(x.ApprovedBy))
        {
            Refuse("延期须经政府信息公开工作机构负责人同意，请记录批准人");
        }

        if (Status == CaseStatus.AwaitingCorrection)
        {
            Refuse("补正期间答复期限已停止计算，不需要延期");
        }

        if (CaseDeadlines.AnswerDue(this) is { } due && x.On > due.Date)
        {
            Refuse($"答复期限已于 {D(due.Date)} 届满，届满后不能再批准延期");
        }
    }

    private void CheckDecision(Decided d)
    {
        switch (d.Outcome)
        {
            case Outcome.NoCorrection when Status != CaseStatus.AwaitingCorrection:
                Refuse("只有发出补正通知而申请人未补正的案件，才能按「逾期不补正」办结");
                break;
            case Outcome.NoCorrection when d.On <= CaseDeadlines.CorrectionPeriodEnd(this)!.Date:
                Refuse($"补正期限至 {D(CaseDeadlines.CorrectionPeriodEnd(this)!.Date)} 届满，届满前不能按「逾期不补正」办结（条例第三十条：无正当理由逾期不补正的，视为放弃申请）");
                break;
            case Outcome.NoCorrection:
                break;
            case Outcome.UnpaidFee when FeeNoticeDelivery is null || Payment is not null:
                Refuse("只有已送达收费通知且未缴费的案件，才能按「逾期未缴费」办结");
                break;
            case Outcome.UnpaidFee when d.On <= CaseDeadlines.FeePaymentDue(this)!.Date:
                Refuse($"缴费期限至 {D(CaseDeadlines.FeePaymentDue(this)!.Date)} 届满，届满前不能按「逾期未缴费」办结");
                break;
            case Outcome.UnpaidFee:
                break;
            case Outcome.StillUnclear when Correction is null:
                Refuse("「补正后申请内容仍不明确」只适用于已收到补正的申请");
                break;
            case var _ when Status == CaseStatus.AwaitingCorrection:
                Refuse("补正通知已发出但尚未收到补正，不能作出答复；申请人逾期不补正的，按「逾期不补正」办结");
                break;
            case var _ when Status == CaseStatus.Consulting:
                Refuse("征求意见尚未答复，请先登记答复（或期满）再作出答复");
                break;
            case var _ when Status == CaseStatus.AwaitingPayment && FeeNoticeDelivery is not null:
                Refuse("申请人尚未缴费，缴费期满前不能作出答复");
                break;
        }
    }

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void Refuse(string reason) => throw new LedgerException(reason);
}
