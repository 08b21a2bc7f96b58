namespace Gongkai.Core.Statute;

/// <summary>
/// The applicant columns of table 三 (申请人情况). The six types are what a case records;
/// <see cref="ApplicantColumns.Total"/> is the seventh, derived column.
/// </summary>
public enum ApplicantType
{
    Natural,
    Commercial,
    Research,
    Nonprofit,
    Legal,
    Other,
}

/// <summary>A column of table 三.</summary>
/// <param name="Key">The JSON key (DESIGN §4).</param>
/// <param name="Label">The column header as printed in the official table.</param>
/// <param name="Type">The applicant type, or null for the 总计 column.</param>
public sealed record ApplicantColumn(int Index, string Key, string Label, ApplicantType? Type)
{
    public bool IsTotal => Type is null;

    /// <summary>Whether the column sits under the 法人或其他组织 header.</summary>
    public bool IsOrganisation => Type is not null and not ApplicantType.Natural;
}

/// <summary>The seven columns of table 三, identical in both editions.</summary>
public static class ApplicantColumns
{
    public const string OrganisationHeader = "法人或其他组织";
    public const string ApplicantHeader = "申请人情况";

    public static ApplicantColumn Natural { get; } = new(0, "natural", "自然人", ApplicantType.Natural);
    public static ApplicantColumn Commercial { get; } = new(1, "commercial", "商业企业", ApplicantType.Commercial);
    public static ApplicantColumn Research { get; } = new(2, "research", "科研机构", ApplicantType.Research);
    public static ApplicantColumn Nonprofit { get; } = new(3, "nonprofit", "社会公益组织", ApplicantType.Nonprofit);
    public static ApplicantColumn Legal { get; } = new(4, "legal", "法律服务机构", ApplicantType.Legal);
    public static ApplicantColumn Other { get; } = new(5, "other", "其他", ApplicantType.Other);
    public static ApplicantColumn Total { get; } = new(6, "total", "总计", null);

    /// <summary>All seven columns in table order.</summary>
    public static IReadOnlyList<ApplicantColumn> All { get; } =
        [Natural, Commercial, Research, Nonprofit, Legal, Other, Total];

    /// <summary>The six applicant columns whose sum is 总计.</summary>
    public static IReadOnlyList<ApplicantColumn> Parts { get; } = All.Take(6).ToArray();

    public const int Count = 7;

    public static ApplicantColumn For(ApplicantType type) => Parts[(int)type];

    /// <summary>The zh-CN name of an applicant type, as in the table (e.g. 「商业企业」).</summary>
    public static string Label(this ApplicantType type) => For(type).Label;
}
