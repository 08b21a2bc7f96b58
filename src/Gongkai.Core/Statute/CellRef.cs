namespace Gongkai.Core.Statute;

/// <summary>
/// A cell (or a whole row) of the report's tables, typed, with its path in the
/// <c>gongkai.annual-report/1</c> format (<c>requests.withheld.stateSecret.natural</c>): the one place
/// paths are spelt, used by the checker, the readers, roll-ups and diagnostics alike.
/// </summary>
public readonly record struct CellRef(string Table, string Row, string? Column = null)
{
    public const string Proactive = "proactive";
    public const string Requests = "requests";
    public const string Appeals = "appeals";

    /// <summary>The JSON path: table, row key, and column key if the reference is to one cell.</summary>
    public string Path => Column is null ? $"{Table}.{Row}" : $"{Table}.{Row}.{Column}";

    public static CellRef Of(RequestRow row, ApplicantColumn? column = null) => new(Requests, row.Key, column?.Key);

    public static CellRef Of(ProactiveRow row, string? columnKey = null) => new(Proactive, row.Key, columnKey);

    public static CellRef Of(AppealGroup group, AppealColumn? column = null) => new(Appeals, group.Key, column?.Key);

    /// <summary>The same row, one of its cells.</summary>
    public CellRef Cell(string columnKey) => this with { Column = columnKey };

    public override string ToString() => Path;
}
