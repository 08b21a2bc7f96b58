namespace Gongkai.Documents.Reading.Text;

/// <summary>A row found in the text: where its label was, and the cells after it.</summary>
public sealed class MatchedRow(int index, int line)
{
    public int Index { get; } = index;

    public int Line { get; set; } = line;

    public List<LineCell> Cells { get; } = [];

    public bool HasValues => Cells.Any(c => c.Kind == CellKind.Number);

    /// <summary>Empty tab fields trimmed before and after the cells (layout in PDF text, blank cells in HTML tables turned into text).</summary>
    public int LeadingBlanks { get; set; }

    public int TrailingBlanks { get; set; }

    /// <summary>
    /// The cells for a row of <paramref name="expected"/> cells: the trimmed empty fields count as
    /// blank cells in position when, and only when, that gives exactly the expected number.
    /// </summary>
    public IReadOnlyList<LineCell> CellsFor(int expected)
    {
        if (Cells.Count == expected || Cells.Count + LeadingBlanks + TrailingBlanks != expected)
        {
            return Cells;
        }

        var blank = new LineCell(CellKind.Blank, "");
        return [.. Enumerable.Repeat(blank, LeadingBlanks), .. Cells, .. Enumerable.Repeat(blank, TrailingBlanks)];
    }

    /// <summary>The cells as written, for messages.</summary>
    public string Raw => string.Join(' ', Cells.Select(c => c.Kind == CellKind.Blank ? "□" : c.Text));
}

/// <summary>
/// Walks a table's lines in order, recognising row labels by their key fragments (which may
/// wrap across lines) and attaching the numbers that follow each label to it. Rows are looked
/// for in table order, a few rows ahead at most, so header words like 「总计」 cannot match the
/// last row early. Numbers that arrive when the current row already has its numbers belong to
/// the next row whose label was unreadable; they are attached to it and reported.
/// </summary>
public static class RowMatcher
{
    /// <summary>How many rows a label may skip over (rows missing from the report).</summary>
    public const int Window = 6;

    /// <summary>How much preceding text a wrapped label may span.</summary>
    public const int MaxLabelLength = 240;

    public static List<MatchedRow> Match(IEnumerable<SourceLine> lines, IReadOnlyList<IReadOnlyList<string>> keys, List<(int Row, int Line)>? unlabelled = null)
    {
        var rows = new List<MatchedRow>();
        var buffer = new System.Text.StringBuilder();
        MatchedRow? current = null;
        var next = 0;

        foreach (var line in lines)
        {
            var cells = LineCells.Split(line.Folded);
            var lastText = cells.FindLastIndex(c => c.Kind == CellKind.Text);
            for (var i = 0; i <= lastText; i++)
            {
                if (cells[i].Kind != CellKind.Text)
                {
                    continue;
                }

                buffer.Append(TextNormalizer.KeyOfFolded(cells[i].Text));
                if (buffer.Length > MaxLabelLength)
                {
                    buffer.Remove(0, buffer.Length - MaxLabelLength); // labels are short; older text is noise
                }

                var found = Find(buffer.ToString(), keys, next);
                if (found >= 0)
                {
                    current = new MatchedRow(found, line.Number);
                    rows.Add(current);
                    next = found + 1;
                    buffer.Clear();
                }
            }

            var values = cells.Skip(lastText + 1).ToList();
            var (leading, trailing) = TrimBlanks(values);
            if (values.Count == 0 || !values.Any(v => v.Kind == CellKind.Number))
            {
                continue;
            }

            if (current is null || current.HasValues)
            {
                if (next >= keys.Count)
                {
                    continue;
                }

                current = new MatchedRow(next, line.Number);
                rows.Add(current);
                unlabelled?.Add((next, line.Number));
                next++;
                buffer.Clear();
            }

            if (current.Cells.Count == 0)
            {
                current.LeadingBlanks = leading;
            }

            current.TrailingBlanks = trailing;
            current.Cells.AddRange(values);
            current.Line = current.Line == 0 ? line.Number : current.Line;
        }

        return rows;
    }

    private static int Find(string buffer, IReadOnlyList<IReadOnlyList<string>> keys, int next)
    {
        for (var r = next; r < Math.Min(keys.Count, next + Window); r++)
        {
            if (keys[r].Any(k => buffer.Contains(k, StringComparison.Ordinal)))
            {
                return r;
            }
        }

        return -1;
    }

    private static (int Leading, int Trailing) TrimBlanks(List<LineCell> values)
    {
        var (leading, trailing) = (0, 0);
        while (values.Count > 0 && values[0] is { Kind: CellKind.Blank, Text.Length: 0 })
        {
            values.RemoveAt(0);
            leading++;
        }

        while (values.Count > 0 && values[^1] is { Kind: CellKind.Blank, Text.Length: 0 })
        {
            values.RemoveAt(values.Count - 1);
            trailing++;
        }

        return (leading, trailing);
    }
}
