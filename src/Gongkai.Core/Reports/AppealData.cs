using Gongkai.Core.Statute;

namespace Gongkai.Core.Reports;

/// <summary>Table 四: three groups of five cells (or null for a missing group).</summary>
public sealed class AppealData
{
    private readonly int?[]?[] _groups;

    /// <summary>Creates the table with every cell blank.</summary>
    public AppealData()
    {
        _groups = AppealTable.Groups.Select(_ => (int?[]?)new int?[AppealTable.Columns.Count]).ToArray();
    }

    public int?[]? this[AppealGroup group]
    {
        get => _groups[group.Index];
        set
        {
            if (value is not null && value.Length != AppealTable.Columns.Count)
            {
                throw new ArgumentException($"A group of table 四 has {AppealTable.Columns.Count} cells, not {value.Length}.", nameof(value));
            }

            _groups[group.Index] = value;
        }
    }

    public int? Cell(AppealGroup group, AppealColumn column) => _groups[group.Index]?[column.Index];

    public void SetCell(AppealGroup group, AppealColumn column, int? value)
    {
        var cells = _groups[group.Index] ?? throw new InvalidOperationException($"Group 「{group.DisplayName}」 is missing.");
        cells[column.Index] = value;
    }
}
