using Gongkai.Core.Statute;

namespace Gongkai.Documents.Reading.Ocr;

/// <summary>
/// Tables 三 and 四 found by their shape on scanned pages: table 三's data rows are the bands of
/// eight to eleven cells ending in seven numbers (23 rows in the 2019 edition, 25 in the 2021
/// one, across page breaks); table 四's is the band ending in fifteen numbers. When the shape is
/// the national layout, the rows are written out with the official labels — the OCR of long
/// labels is the weakest part of a scan, and the position already says which row it is.
/// </summary>
public sealed class TableLayout
{
    private readonly Dictionary<IReadOnlyList<OcrCell>, string> _lines = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<IReadOnlyList<OcrCell>> _between = new(ReferenceEqualityComparer.Instance);

    /// <summary>Table 三's rows, each its seven cells, or null when the scan does not show the national layout.</summary>
    public IReadOnlyList<IReadOnlyList<OcrCell>>? Requests { get; private set; }

    /// <summary>The edition table 三's row count belongs to.</summary>
    public Edition? RequestStructure { get; private set; }

    /// <summary>How many bands look like rows of table 三 (23 or 25 when the layout is the national one).</summary>
    public int RequestRowCount { get; private set; }

    /// <summary>Table 四's fifteen cells, or null.</summary>
    public IReadOnlyList<OcrCell>? Appeals { get; private set; }

    /// <summary>Whether the scanned pages hold any ruled table.</summary>
    public bool HasTables { get; private set; }

    /// <summary>
    /// A band among table 三's rows that is none of them (a wrapped label cut by a stray line, a
    /// repeated header after a page break): left out, so the text reader sees only the official rows.
    /// </summary>
    public bool IsBetweenRows(IReadOnlyList<OcrCell> band) => _between.Contains(band);

    /// <summary>The row written with its official label, for a band that is a row of table 三 or 四.</summary>
    public string? LineFor(IReadOnlyList<OcrCell> band) => _lines.GetValueOrDefault(band);

    public static TableLayout Find(IEnumerable<OcrTableBlock> tables)
    {
        var layout = new TableLayout();
        var bands = tables.SelectMany(t => t.Bands).ToArray();
        layout.HasTables = bands.Length > 0;
        var appeal = bands.LastOrDefault(b => b.Count >= AppealTable.CellCount && Numeric(b, AppealTable.CellCount));
        var requestRows = bands.Where(b => !ReferenceEquals(b, appeal) && b.Count is >= ApplicantColumns.Count + 1 and <= ApplicantColumns.Count + 4 && Numeric(b, ApplicantColumns.Count)).ToArray();
        layout.RequestRowCount = requestRows.Length;
        var structure = requestRows.Length == RequestTable.Rows(Edition.V2021).Count ? Edition.V2021
            : requestRows.Length == RequestTable.Rows(Edition.V2019).Count ? Edition.V2019
            : (Edition?)null;
        if (structure is { } edition && !LabelsContradict(requestRows, RequestTable.Rows(edition)))
        {
            var rows = RequestTable.Rows(edition);
            layout.RequestStructure = edition;
            layout.Requests = requestRows.Select(b => (IReadOnlyList<OcrCell>)b.Skip(b.Count - ApplicantColumns.Count).ToArray()).ToArray();
            for (var i = 0; i < rows.Count; i++)
            {
                layout._lines[requestRows[i]] = string.Join('\t', Label(rows, i).Concat(layout.Requests[i].Select(Cell)));
            }

            var first = Array.FindIndex(bands, b => ReferenceEquals(b, requestRows[0]));
            var last = Array.FindIndex(bands, b => ReferenceEquals(b, requestRows[^1]));
            foreach (var band in bands[first..last].Where(b => !layout._lines.ContainsKey(b)))
            {
                layout._between.Add(band);
            }
        }

        if (appeal is not null)
        {
            layout.Appeals = appeal.Skip(appeal.Count - AppealTable.CellCount).ToArray();
            layout._lines[appeal] = $"{AppealTable.ReconsiderationHeader}\t{AppealTable.LitigationHeader}\n" + string.Join('\t', layout.Appeals.Select(Cell));
        }

        return layout;
    }

    /// <summary>
    /// The band's last <paramref name="count"/> cells hold numbers: at least one was read as a number,
    /// and at most one as words (a digit misread as a letter does not hide the row; a header row,
    /// whose cells are words or empty pieces of merged cells, is not taken for one).
    /// </summary>
    private static bool Numeric(IReadOnlyList<OcrCell> band, int count)
    {
        var tail = band.Skip(band.Count - count).ToArray();
        return tail.Count(c => c.Kind == OcrCellKind.Text) <= 1 && tail.Any(c => c.Kind is OcrCellKind.Number or OcrCellKind.Unsure);
    }

    /// <summary>
    /// Whether the OCR of some band's label matches another row's official label better than the one
    /// its position gives it — a lost or an extra band shifts rows, and rows of outcomes shifted among
    /// themselves still add up, so the position must agree with what can be read of the labels.
    /// </summary>
    private static bool LabelsContradict(IReadOnlyList<IReadOnlyList<OcrCell>> bands, IReadOnlyList<RequestRow> rows)
    {
        var official = rows.Select(r => Bigrams(r.Label)).ToArray();
        for (var i = 0; i < bands.Count; i++)
        {
            var seen = Bigrams(string.Concat(bands[i].Take(bands[i].Count - ApplicantColumns.Count).Where(c => c.Kind == OcrCellKind.Text).Select(c => c.Text)));
            if (seen.Count == 0)
            {
                continue;
            }

            var own = official[i].Count(seen.Contains);
            for (var k = 0; k < official.Length; k++)
            {
                if (k != i && official[k].Count(seen.Contains) > own + 1)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static HashSet<string> Bigrams(string text)
    {
        var chars = text.Where(ch => ch >= '\u4e00' && ch <= '\u9fff').ToArray();
        var result = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < chars.Length; i++)
        {
            result.Add(new string([chars[i], chars[i + 1]]));
        }

        return result;
    }

    private static string Cell(OcrCell c) => c.Kind == OcrCellKind.Number ? c.Text : "";

    /// <summary>The official label, preceded as in an HTML row by the group label on a group's first row.</summary>
    private static IEnumerable<string> Label(IReadOnlyList<RequestRow> rows, int i)
    {
        var row = rows[i];
        if (row.Kind == RequestRowKind.Outcome && (i == 0 || rows[i - 1].Kind != RequestRowKind.Outcome))
        {
            yield return RequestTable.ResultsHeader;
        }

        if (row.Group is { } group && (i == 0 || rows[i - 1].Group != group))
        {
            yield return group;
        }

        yield return row.Label;
    }
}
