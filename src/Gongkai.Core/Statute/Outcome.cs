namespace Gongkai.Core.Statute;

/// <summary>
/// Every way an application can end, at the finest granularity of the official table 三
/// (the 2021 edition). The 2019 edition folds the three 其他处理 outcomes into one row;
/// <see cref="RequestTable.RowFor"/> gives the row of an outcome in either edition.
/// </summary>
public enum Outcome
{
    Disclosed,
    PartlyDisclosed,
    StateSecret,
    ProhibitedByLaw,
    SecurityStability,
    ThirdPartyRights,
    InternalAffairs,
    Deliberative,
    EnforcementFiles,
    QueryMatters,
    NotHeld,
    NeedsCreation,
    StillUnclear,
    Petition,
    Duplicate,
    Publication,
    MassRepeated,
    Confirmation,
    NoCorrection,
    UnpaidFee,
    OtherHandling,
}

/// <summary>How records map onto table 三's outcome rows where the table has no row of their own.</summary>
public static class OutcomeRules
{
    /// <summary>
    /// A withdrawn application (申请人撤回) is closed without a decision; table 三 has no row for it, so
    /// it is counted under （六）其他处理 (2021: 3.其他), the row for applications ended otherwise.
    /// </summary>
    public const Outcome Withdrawal = Outcome.OtherHandling;
}
