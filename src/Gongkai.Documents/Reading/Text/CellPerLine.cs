namespace Gongkai.Documents.Reading.Text;

/// <summary>The gaps of a one-cell-per-line text: newlines between two cells of a row, and before a row's first cell.</summary>
public sealed record CellLayout(int CellGap, int RowGap);

/// <summary>
/// Text with one table cell per line (web pages saved by crawlers): the cells of a row are
/// separated by a run of <see cref="CellLayout.CellGap"/> newlines, rows by a longer run of
/// <see cref="CellLayout.RowGap"/>, and a blank cell adds one more cell gap. Joining a row's lines
/// with tabs gives the line reader a row it knows, blank cells as empty tab fields, in position.
/// </summary>
public static class CellPerLine
{
    /// <summary>The layout, or null when the text is not written one cell per line.</summary>
    public static CellLayout? Detect(string text)
    {
        if (!text.Contains("\n\n\n", StringComparison.Ordinal))
        {
            return null; // cells need at least two blank lines between them; checked without a copy
        }

        var tokens = Tokens(text);
        var numberGaps = new Dictionary<int, int>();
        var labelGaps = new Dictionary<int, int>();
        var numbers = 0;
        var spaced = 0;
        for (var i = 1; i < tokens.Count; i++)
        {
            var (gap, token) = tokens[i];
            if (IsCell(token))
            {
                numbers++;
                spaced += gap >= 3 ? 1 : 0;
                if (IsCell(tokens[i - 1].Text))
                {
                    numberGaps[gap] = numberGaps.GetValueOrDefault(gap) + 1;
                }
            }
            else if (IsCell(tokens[i - 1].Text))
            {
                labelGaps[gap] = labelGaps.GetValueOrDefault(gap) + 1;
            }
        }

        if (numbers < 20 || spaced < numbers * 0.8 || numberGaps.Count == 0)
        {
            return null;
        }

        var cell = numberGaps.MaxBy(g => g.Value).Key;
        var row = labelGaps.Where(g => g.Key > cell && (g.Key - cell) % cell != 0).OrderByDescending(g => g.Value).Select(g => g.Key).FirstOrDefault();
        return cell < 2 ? null : new CellLayout(cell, row);
    }

    /// <summary>Joins each row's cells onto its first line with tabs; the other lines of the row become blank (line numbers are kept).</summary>
    public static string Join(string text, CellLayout layout)
    {
        var lines = text.Split('\n');
        var output = new string[lines.Length];
        Array.Fill(output, "");
        var row = new List<string>();
        var rowLine = -1;
        var previousLine = -1;

        void Flush()
        {
            if (rowLine >= 0)
            {
                output[rowLine] = string.Join('\t', row);
            }

            row.Clear();
            rowLine = -1;
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var token = lines[i].Trim();
            if (token.Length == 0)
            {
                continue;
            }

            var gap = previousLine < 0 ? int.MaxValue : i - previousLine;
            previousLine = i;
            if (token.Length > 60 || gap == 1)
            {
                // Narrative and lines written together (no blank line between) are not table cells.
                Flush();
                output[i] = lines[i];
                continue;
            }

            var (sameRow, blanks) = Place(gap, layout);
            if (!sameRow)
            {
                // RowGap + k × CellGap: k blank cells — ending the previous row when a label follows
                // (its blank cells), starting this one when a number does (a row without a label).
                var k = RowBlanks(gap, layout);
                var cell = IsCell(token);
                for (var b = 0; b < (cell ? 0 : k); b++)
                {
                    row.Add("");
                }

                Flush();
                rowLine = i;
                for (var b = 0; b < (cell ? k : 0); b++)
                {
                    row.Add("");
                }

                row.Add(token);
                continue;
            }

            if (rowLine < 0)
            {
                rowLine = i;
            }

            for (var b = 0; b < blanks; b++)
            {
                row.Add("");
            }

            row.Add(token);
        }

        Flush();
        return string.Join('\n', output);
    }

    /// <summary>Whether a token after a gap continues the row (with how many blank cells before it) or starts a new one (with its leading blanks).</summary>
    private static (bool SameRow, int Blanks) Place(int gap, CellLayout layout)
    {
        if (gap >= layout.CellGap && (gap - layout.CellGap) % layout.CellGap == 0)
        {
            return (true, (gap - layout.CellGap) / layout.CellGap);
        }

        return (false, 0);
    }

    /// <summary>The k blank cells of a row break of RowGap + k × CellGap newlines.</summary>
    private static int RowBlanks(int gap, CellLayout layout) =>
        layout.RowGap > 0 && gap != int.MaxValue && gap >= layout.RowGap && (gap - layout.RowGap) % layout.CellGap == 0 ? (gap - layout.RowGap) / layout.CellGap : 0;

    private static bool IsCell(string token) => LineCells.IsNumber(TextNormalizer.Fold(token)) || token is "-" or "—" or "/" or "无";

    /// <summary>Non-blank lines with the number of newlines before each.</summary>
    private static List<(int Gap, string Text)> Tokens(string text)
    {
        var result = new List<(int, string)>();
        var lines = text.Split('\n');
        var previous = -1;
        for (var i = 0; i < lines.Length; i++)
        {
            var t = lines[i].Trim();
            if (t.Length > 0)
            {
                result.Add((previous < 0 ? 0 : i - previous, t));
                previous = i;
            }
        }

        return result;
    }
}
