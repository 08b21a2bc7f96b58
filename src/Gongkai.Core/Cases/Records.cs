using Gongkai.Core.Statute;

namespace Gongkai.Core.Cases;

/// <summary>An application as the report counts it: who applied (the column) and its ledger (the row and the dates).</summary>
public sealed record ApplicationRecord(string TrackingNumber, ApplicantType Applicant, CaseLedger Ledger)
{
    public DateOnly ReceivedOn => Ledger.Receipt.On;

    /// <summary>The day the case left the workload (answered, ended unpaid or uncorrected, or withdrawn), if it has.</summary>
    public DateOnly? ClosedOn => Ledger.Decision?.On ?? Ledger.Withdrawal?.On;

    /// <summary>
    /// The outcome the report counts. A withdrawn application is counted under （六）3 其他
    /// (2021) / （六） 其他处理 (2019): the format has no row of its own for it.
    /// </summary>
    public Outcome? CountedOutcome => Ledger.Decision?.Outcome ?? (Ledger.Withdrawal is null ? null : OutcomeRules.Withdrawal);
}

public enum AppealKind
{
    /// <summary>行政复议</summary>
    Reconsideration,

    /// <summary>行政诉讼，未经复议直接起诉</summary>
    LitigationDirect,

    /// <summary>行政诉讼，复议后起诉</summary>
    LitigationAfterReconsideration,
}

public enum AppealResult
{
    /// <summary>结果维持</summary>
    Upheld,

    /// <summary>结果纠正</summary>
    Corrected,

    /// <summary>其他结果</summary>
    Other,
}

/// <summary>A 行政复议 or 行政诉讼 about a disclosure decision; pending while it has no result.</summary>
public sealed record AppealRecord(string? ApplicationTrackingNumber, AppealKind Kind, DateOnly FiledOn, AppealResult? Result = null, DateOnly? DecidedOn = null)
{
    public bool PendingOn(DateOnly day) => Result is null || DecidedOn is null || DecidedOn > day;
}

public enum NormativeKind
{
    /// <summary>规章</summary>
    Rule,

    /// <summary>（行政）规范性文件</summary>
    NormativeDocument,
}

/// <summary>A 规章 or 规范性文件 with its issue and repeal dates, so 本年制发、本年废止、现行有效 are computed.</summary>
public sealed record NormativeRecord(string Title, NormativeKind Kind, DateOnly IssuedOn, DateOnly? RepealedOn = null)
{
    public bool InForceOn(DateOnly day) => IssuedOn <= day && (RepealedOn is null || RepealedOn > day);
}

/// <summary>
/// A year's counts that live in other systems (entered or imported): 行政许可、行政处罚、行政强制
/// decisions and the 行政事业性收费 amount in 万元; for 2019–2020 also the 2019 edition's project
/// counts (<see cref="Legacy"/>).
/// </summary>
public sealed record ProactiveYear(int Year, int Licensing, int Penalties, int Enforcement, decimal FeesTenThousandYuan, LegacyProactiveCounts? Legacy = null);

/// <summary>
/// The 2019 edition's table 二 figures that are not decisions (国办公开办函〔2019〕60号): 上一年项目数量
/// and 本年增/减 (may be negative) per kind, 其他对外管理服务事项 decisions, and 政府集中采购.
/// </summary>
public sealed record LegacyProactiveCounts(
    int LicensingPrevious,
    int LicensingChange,
    int OtherServicesPrevious,
    int OtherServicesChange,
    int OtherServicesDecisions,
    int PenaltiesPrevious,
    int PenaltiesChange,
    int EnforcementPrevious,
    int EnforcementChange,
    int FeesPrevious,
    int FeesChange,
    int ProcurementProjects,
    decimal ProcurementAmount);
