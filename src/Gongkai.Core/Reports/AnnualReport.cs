using Gongkai.Core.Statute;

namespace Gongkai.Core.Reports;

/// <summary>
/// A 政府信息公开工作年度报告 as data, in the edition it uses. Cells are nullable: null means the
/// report leaves the cell blank or it could not be read, which is not the same as 0. A table or
/// row the report lacks entirely is null too.
/// </summary>
public sealed class AnnualReport
{
    public AnnualReport(int year, Edition edition)
    {
        if (year is < 1900 or > 2999)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "Report year must be a four-digit year.");
        }

        Year = year;
        Edition = edition;
    }

    /// <summary>The agency as stated in the title; null if unknown.</summary>
    public string? Agency { get; set; }

    /// <summary>The reporting year.</summary>
    public int Year { get; }

    /// <summary>The format edition the report uses (which may differ from the one in force).</summary>
    public Edition Edition { get; }

    /// <summary>Narrative text of sections 一, 五, 六.</summary>
    public ReportNarrative Sections { get; set; } = new();

    /// <summary>Table 二, or null if the report lacks it.</summary>
    public ProactiveData? Proactive { get; set; }

    /// <summary>Table 三, or null if the report lacks it.</summary>
    public RequestData? Requests { get; set; }

    /// <summary>Table 四, or null if the report lacks it.</summary>
    public AppealData? Appeals { get; set; }

    /// <summary>A report with every table present and every cell blank.</summary>
    public static AnnualReport Blank(int year, Edition edition) => new(year, edition)
    {
        Proactive = new ProactiveData(edition),
        Requests = new RequestData(edition),
        Appeals = new AppealData(),
    };
}

/// <summary>Sections 一 (总体情况), 五 (存在的主要问题及改进情况), 六 (其他需要报告的事项).</summary>
public sealed record ReportNarrative(string? Overview = null, string? Problems = null, string? Other = null);
