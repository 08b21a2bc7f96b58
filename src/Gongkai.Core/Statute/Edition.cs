namespace Gongkai.Core.Statute;

/// <summary>
/// The edition of the nationally prescribed annual-report format
/// (《中华人民共和国政府信息公开工作年度报告格式》).
/// </summary>
public enum Edition
{
    /// <summary>国办公开办函〔2019〕60号 (试行): reports for 2019 and 2020.</summary>
    V2019,

    /// <summary>国办公开办函〔2021〕30号: reports from 2021 on.</summary>
    V2021,
}

/// <summary>Facts about the format editions.</summary>
public static class Editions
{
    /// <summary>The first report year that uses the 2021 edition (国办公开办函〔2021〕30号, issued 2021-09-26).</summary>
    public const int FirstYearOf2021Edition = 2021;

    /// <summary>The first report year under the revised 条例 (国务院令第711号, in force 2019-05-15).</summary>
    public const int FirstYearOf2019Edition = 2019;

    /// <summary>The edition in force for a reporting year (≤2020: 2019; ≥2021: 2021).</summary>
    public static Edition InForceFor(int year) =>
        year >= FirstYearOf2021Edition ? Edition.V2021 : Edition.V2019;

    /// <summary>The JSON spelling of an edition: "2019" or "2021".</summary>
    public static string Code(this Edition edition) => edition switch
    {
        Edition.V2019 => "2019",
        Edition.V2021 => "2021",
    };

    /// <summary>The notice that issued the edition.</summary>
    public static string Notice(this Edition edition) => edition switch
    {
        Edition.V2019 => "国办公开办函〔2019〕60号",
        Edition.V2021 => "国办公开办函〔2021〕30号",
    };

    public static bool TryParse(string? code, out Edition edition)
    {
        switch (code)
        {
            case "2019": edition = Edition.V2019; return true;
            case "2021": edition = Edition.V2021; return true;
            default: edition = default; return false;
        }
    }

    public static IReadOnlyList<Edition> All { get; } = [Edition.V2019, Edition.V2021];
}
