using Gongkai.Core.Statute;

namespace Gongkai.Core.Reports;

/// <summary>Table 二: for each row of the edition, its block's cells (or null for a missing row).</summary>
public sealed class ProactiveData
{
    private readonly Dictionary<string, decimal?[]?> _rows = new(StringComparer.Ordinal);

    /// <summary>Creates the table with every row present and every cell blank.</summary>
    public ProactiveData(Edition edition)
    {
        Edition = edition;
        foreach (var row in ProactiveTable.Rows(edition))
        {
            _rows[row.Key] = new decimal?[row.Columns.Count];
        }
    }

    public Edition Edition { get; }

    public IReadOnlyList<ProactiveRow> Rows => ProactiveTable.Rows(Edition);

    public decimal?[]? this[ProactiveRow row]
    {
        get => _rows[Check(row).Key];
        set
        {
            if (value is not null && value.Length != row.Columns.Count)
            {
                throw new ArgumentException($"Row 「{row.Label}」 of table 二 has {row.Columns.Count} cells, not {value.Length}.", nameof(value));
            }

            _rows[Check(row).Key] = value;
        }
    }

    public decimal?[]? this[string key]
    {
        get => this[Row(key)];
        set => this[Row(key)] = value;
    }

    public ProactiveRow Row(string key) =>
        Rows.FirstOrDefault(r => r.Key == key)
        ?? throw new ArgumentException($"No row '{key}' in table 二 of the {Edition.Code()} edition.", nameof(key));

    public decimal? Cell(string rowKey, string columnKey)
    {
        var row = Row(rowKey);
        var index = ColumnIndex(row, columnKey);
        return this[row]?[index];
    }

    public void SetCell(string rowKey, string columnKey, decimal? value)
    {
        var row = Row(rowKey);
        var cells = this[row] ?? throw new InvalidOperationException($"Row 「{row.Label}」 is missing; add it before setting a cell.");
        cells[ColumnIndex(row, columnKey)] = value;
    }

    private static int ColumnIndex(ProactiveRow row, string columnKey)
    {
        for (var i = 0; i < row.Columns.Count; i++)
        {
            if (row.Columns[i].Key == columnKey)
            {
                return i;
            }
        }

        throw new ArgumentException($"Row '{row.Key}' has no column '{columnKey}'.", nameof(columnKey));
    }

    private ProactiveRow Check(ProactiveRow row) =>
        _rows.ContainsKey(row.Key) && ReferenceEquals(ProactiveTable.Rows(Edition).FirstOrDefault(r => r.Key == row.Key)?.Block, row.Block)
            ? row
            : throw new ArgumentException($"Row '{row.Key}' is not in table 二 of the {Edition.Code()} edition.", nameof(row));
}
