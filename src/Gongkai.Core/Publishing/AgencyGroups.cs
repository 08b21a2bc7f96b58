namespace Gongkai.Core.Publishing;

/// <summary>How people look for an agency on a 集约化 platform: the government, its office, its departments, its 街道 and 乡镇.</summary>
public enum AgencyGroup
{
    /// <summary>The government at the root of the platform (区/县/市人民政府).</summary>
    Government,

    /// <summary>政府办公室 (or 办公厅).</summary>
    Office,

    /// <summary>政府部门 — 委、办、局 and the like.</summary>
    Department,

    /// <summary>街道办事处 and 乡镇人民政府 (their 年报 are due by 1月31日 like a department's).</summary>
    Township,
}

/// <summary>
/// The group of an agency, from its place in the hierarchy and its official name (names of Chinese
/// agencies carry their kind: 「…街道办事处」, 「…镇人民政府」, 「…人民政府办公室」).
/// </summary>
public static class AgencyGroups
{
    public static string Label(this AgencyGroup group) => group switch
    {
        AgencyGroup.Government => "人民政府",
        AgencyGroup.Office => "政府办公室",
        AgencyGroup.Department => "政府部门",
        AgencyGroup.Township => "街道办事处、乡镇人民政府",
    };

    public static AgencyGroup Of(string name, bool isRoot)
    {
        if (isRoot)
        {
            return AgencyGroup.Government;
        }

        if (name.EndsWith("街道办事处", StringComparison.Ordinal) || name.EndsWith("街道", StringComparison.Ordinal)
            || name.EndsWith("乡人民政府", StringComparison.Ordinal) || name.EndsWith("镇人民政府", StringComparison.Ordinal))
        {
            return AgencyGroup.Township;
        }

        return name.EndsWith("办公室", StringComparison.Ordinal) && name.Contains("政府", StringComparison.Ordinal) || name.EndsWith("办公厅", StringComparison.Ordinal)
            ? AgencyGroup.Office
            : AgencyGroup.Department;
    }
}
