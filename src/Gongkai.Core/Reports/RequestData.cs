using Gongkai.Core.Statute;

namespace Gongkai.Core.Reports;

/// <summary>Table 三: for each row of the edition, seven cells (or null for a missing row).</summary>
public sealed class RequestData
{
    private readonly Dictionary<string, int?[]?> _rows = new(StringComparer.Ordinal);

    /// <summary>Creates the table with every row present and every cell blank.</summary>
    public RequestData(Edition edition)
    {
        Edition = edition;
        foreach (var row in RequestTable.Rows(edition))
        {
            _rows[row.Key] = new int?[ApplicantColumns.Count];
        }
    }

    public Edition Edition { get; }

    public IReadOnlyList<RequestRow> Rows => RequestTable.Rows(Edition);

    /// <summary>The cells of a row in column order, or null if the report lacks the row.</summary>
    public int?[]? this[RequestRow row]
    {
        get => _rows[Check(row).Key];
        set
        {
            if (value is not null && value.Length != ApplicantColumns.Count)
            {
                throw new ArgumentException($"A row of table 三 has {ApplicantColumns.Count} cells, not {value.Length}.", nameof(value));
            }

            _rows[Check(row).Key] = value;
        }
    }

    public int?[]? this[string key]
    {
        get => this[RequestTable.Row(Edition, key)];
        set => this[RequestTable.Row(Edition, key)] = value;
    }

    public int? Cell(RequestRow row, ApplicantColumn column) => this[row]?[column.Index];

    public void SetCell(RequestRow row, ApplicantColumn column, int? value)
    {
        var cells = this[row] ?? throw new InvalidOperationException($"Row 「{row.DisplayName}」 is missing; add it before setting a cell.");
        cells[column.Index] = value;
    }

    private RequestRow Check(RequestRow row) =>
        _rows.ContainsKey(row.Key) && RequestTable.Rows(Edition).Contains(row)
            ? row
            : throw new ArgumentException($"Row '{row.Key}' is not in table 三 of the {Edition.Code()} edition.", nameof(row));
}
