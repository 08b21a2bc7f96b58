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
