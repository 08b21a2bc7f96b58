namespace Gongkai.Core.Reports.Rules;

public enum Severity
{
    Error,
    Warning,
    Info,
}

/// <summary>Where a diagnostic points, in the report's own words plus a machine path.</summary>
/// <param name="Table">「二」「三」「四」 for a table, or the section title for narrative.</param>
/// <param name="Row">The row's label as printed, e.g. 「（七）总计」.</param>
/// <param name="Column">The column's header as printed, e.g. 「自然人」.</param>
/// <param name="Line">1-based line in the source document, when known.</param>
/// <param name="Cell">The JSON path of the cell or row in <c>gongkai.annual-report/1</c>.</param>
public sealed record DiagnosticLocation(
    string? Table = null,
    string? Row = null,
    string? Column = null,
    int? Line = null,
    string? Cell = null)
{
    public static DiagnosticLocation None { get; } = new();

    /// <summary>The location as zh-CN text, e.g. 「表三 「（七）总计」 「自然人」 第 12 行」.</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        if (Table is not null)
        {
            parts.Add(Table.Length == 1 ? $"表{Table}" : Table);
        }

        if (Row is not null)
        {
            parts.Add($"「{Row}」");
        }

        if (Column is not null)
        {
            parts.Add($"「{Column}」");
        }

        if (Line is not null)
        {
            parts.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"第{Line}行"));
        }

        return string.Join(' ', parts);
    }
}

/// <summary>One finding about a report.</summary>
public sealed record Diagnostic(string Code, Severity Severity, string Message, DiagnosticLocation Location);
