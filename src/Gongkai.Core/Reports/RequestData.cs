using Gongkai.Core.Statute;

namespace Gongkai.Core.Reports;

/// <summary>Table 三: for each row of the edition, seven cells (or null for a missing row).</summary>
public sealed class RequestData
{
    private readonly int?[]?[] _rows;

    /// <summary>Creates the table with every row present and every cell blank.</summary>
    public RequestData(Edition edition)
    {
        Edition = edition;
        _rows = RequestTable.Rows(edition).Select(_ => (int?[]?)new int?[ApplicantColumns.Count]).ToArray();
    }

    public Edition Edition { get; }

    public IReadOnlyList<RequestRow> Rows => RequestTable.Rows(Edition);

    /// <summary>The cells of a row in column order, or null if the report lacks the row.</summary>
    public int?[]? this[RequestRow row]
    {
        get => _rows[IndexOf(row)];
        set
        {
            if (value is not null && value.Length != ApplicantColumns.Count)
            {
                throw new ArgumentException($"A row of table 三 has {ApplicantColumns.Count} cells, not {value.Length}.", nameof(value));
            }

            _rows[IndexOf(row)] = value;
        }
    }

    public int?[]? this[string key]
    {
        get => this[RequestTable.Row(Edition, key)];
        set => this[RequestTable.Row(Edition, key)] = value;
    }

    public int? Cell(RequestRow row, ApplicantColumn column) => _rows[IndexOf(row)]?[column.Index];

    public void SetCell(RequestRow row, ApplicantColumn column, int? value)
    {
        var cells = this[row] ?? throw new InvalidOperationException($"Row 「{row.DisplayName}」 is missing; add it before setting a cell.");
        cells[column.Index] = value;
    }

    private int IndexOf(RequestRow row)
    {
        var i = RequestTable.IndexOf(Edition, row);
        return i >= 0 ? i : throw new ArgumentException($"Row '{row.Key}' is not in table 三 of the {Edition.Code()} edition.", nameof(row));
    }
}
