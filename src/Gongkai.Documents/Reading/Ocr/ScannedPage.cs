using System.Text;

namespace Gongkai.Documents.Reading.Ocr;

public enum OcrCellKind
{
    /// <summary>No ink in the cell.</summary>
    Empty,

    /// <summary>Words (a label, a header).</summary>
    Text,

    /// <summary>A number both readings agree on.</summary>
    Number,

    /// <summary>Ink that looks like a number, but the two readings differ or one saw nothing.</summary>
    Unsure,
}

/// <summary>One cell as OCR saw it: <paramref name="Text"/> is the words or the agreed digits; <paramref name="Seen"/> what each reading gave.</summary>
public sealed record OcrCell(OcrCellKind Kind, string Text, string Seen)
{
    public bool IsNumeric => Kind is OcrCellKind.Number or OcrCellKind.Unsure or OcrCellKind.Empty;
}

public abstract record OcrBlock(int Y);

/// <summary>Lines of running text between tables.</summary>
public sealed record OcrTextBlock(int Y, IReadOnlyList<string> Lines) : OcrBlock(Y);

/// <summary>A table: its bands, each with its cells left to right.</summary>
public sealed record OcrTableBlock(int Y, IReadOnlyList<IReadOnlyList<OcrCell>> Bands) : OcrBlock(Y);

/// <summary>
/// One scanned page read by OCR: the running text with the tables blanked out (tesseract in
/// Chinese, one run), every table cell recognised in Chinese (one run for all cells), and every
/// cell that looks like a number recognised a second time by the Latin model restricted to digits
/// (one run, each cell as a raw line; one more run, as single words, for the cells it left empty).
/// A number is taken when both readings agree (or only the digit reading saw anything — the
/// arithmetic then judges it); a table cell is never read by the page-level pass, whose line
/// finding mixes up columns.
/// </summary>
public static class ScannedPage
{
    /// <summary>The resolution pages are rasterised at: tesseract reads body text best at 300 dpi.</summary>
    public const int Dpi = 300;

    /// <summary>Ink lower than this (pixels at <see cref="Dpi"/>) is enlarged before recognition.</summary>
    private const int SmallInk = 36;

    public static IReadOnlyList<OcrBlock> Read(GrayImage page, string source)
    {
        var layout = PageLayout.Analyse(page, Dpi);
        var blocks = new List<OcrBlock>();
        blocks.AddRange(RunningText(layout, source));
        blocks.AddRange(TableCells(layout, source));
        return blocks.OrderBy(b => b.Y).ToArray();
    }

    private static IEnumerable<OcrBlock> RunningText(PageLayout layout, string source)
    {
        var image = layout.CleanCrop(0, 0, layout.Image.Width, layout.Image.Height);
        foreach (var t in layout.Tables)
        {
            image.Fill(t.X0 - 8, t.Y0 - 8, t.X1 - t.X0 + 16, t.Y1 - t.Y0 + 16, 255);
        }

        var words = Tesseract.Words(image, Tesseract.Chinese, 6, null, source);
        var lines = words
            .GroupBy(w => (w.Block, w.Paragraph, w.Line))
            .Select(g => (Y: g.Min(w => w.Top), X: g.Min(w => w.Left), Text: Join(g.Select(w => w.Text))))
            .Where(l => l.Text.Length > 0 && !IsPageNumber(l.Text));
        foreach (var line in lines)
        {
            yield return new OcrTextBlock(line.Y, [line.Text]);
        }
    }

    private static IEnumerable<OcrBlock> TableCells(PageLayout layout, string source)
    {
        var minInk = Dpi / 10;
        var cells = new List<(int Table, int Band, int Cell, GrayImage Crop)>();
        var kinds = layout.Tables.Select(t => t.Bands.Select(b => new OcrCell[b.Cells.Count]).ToArray()).ToArray();
        for (var t = 0; t < layout.Tables.Count; t++)
        {
            var bands = layout.Tables[t].Bands;
            for (var b = 0; b < bands.Count; b++)
            {
                for (var c = 0; c < bands[b].Cells.Count; c++)
                {
                    if (layout.Ink(bands[b].Cells[c], minInk) is { } ink)
                    {
                        var margin = Dpi / 30;
                        // The ink alone (never the cell's borders), on white paper.
                        var crop = new GrayImage(ink.Width + (2 * margin), ink.Height + (2 * margin));
                        crop.Paste(layout.CleanCrop(ink.X0, ink.Y0, ink.Width, ink.Height), margin, margin);
                        // Small print (under about 9 pt) is read better twice the size.
                        cells.Add((t, b, c, ink.Height < SmallInk ? crop.Scale(2) : crop));
                    }
                    else
                    {
                        kinds[t][b][c] = new OcrCell(OcrCellKind.Empty, "", "");
                    }
                }
            }
        }

        // Every inked cell in Chinese, stacked one per line (labels and headers); then the cells that
        // look like numbers again, each on its own as one line, digits only.
        var chinese = Tesseract.EachText(cells.Select(c => c.Crop).ToArray(), Tesseract.Chinese, null, source);
        var numeric = Enumerable.Range(0, cells.Count).Where(k => NumberReading.LooksNumeric(chinese[k])).ToArray();
        var digits = Tesseract.EachImage(numeric.Select(k => cells[k].Crop).ToArray(), Tesseract.Latin, 13, Tesseract.DigitWhitelist, source);
        var digitsOf = numeric.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => digits[p.i]);
        // A lone digit the raw-line mode dropped gets one more try as a single word.
        var missed = numeric.Where(k => digitsOf[k].Length == 0).ToArray();
        var retried = Tesseract.EachImage(missed.Select(k => cells[k].Crop).ToArray(), Tesseract.Latin, 8, Tesseract.DigitWhitelist, source);
        for (var i = 0; i < missed.Length; i++)
        {
            digitsOf[missed[i]] = retried[i];
        }

        for (var k = 0; k < cells.Count; k++)
        {
            var (t, b, c, _) = cells[k];
            kinds[t][b][c] = digitsOf.TryGetValue(k, out var d)
                ? NumberReading.Agree(chinese[k], d)
                : new OcrCell(OcrCellKind.Text, Join([chinese[k]]), chinese[k]);
        }

        for (var t = 0; t < layout.Tables.Count; t++)
        {
            yield return new OcrTableBlock(layout.Tables[t].Y0, kinds[t]);
        }
    }

    /// <summary>A folio such as 「- 3 -」 or 「—3—」 (OCR often drops one of its dashes).</summary>
    private static bool IsPageNumber(string line) =>
        line.Any(char.IsAsciiDigit) && line.All(ch => char.IsAsciiDigit(ch) || ch is '-' or '—' or '–' or '一' or ' ' or '_' or '.');

    /// <summary>Words of one line: Chinese has no spaces between words; Latin words keep one.</summary>
    private static string Join(IEnumerable<string> words)
    {
        var sb = new StringBuilder();
        foreach (var w in words)
        {
            var text = w.Replace(" ", "", StringComparison.Ordinal);
            if (sb.Length > 0 && text.Length > 0 && char.IsAsciiLetterOrDigit(sb[^1]) && char.IsAsciiLetterOrDigit(text[0]))
            {
                sb.Append(' ');
            }

            sb.Append(text);
        }

        return sb.ToString();
    }
}

/// <summary>Whether a cell holds a number, and whether two readings of it agree.</summary>
public static class NumberReading
{
    /// <summary>Characters the Chinese model gives for digits, folded to them (full-width forms, 〇 for 0).</summary>
    private static char Fold(char ch) => ch switch
    {
        >= '０' and <= '９' => (char)('0' + (ch - '０')),
        '〇' or 'O' or 'o' => '0',
        ']' or '[' or '|' or 'l' or 'I' or '!' => '1',
        '，' => ',',
        '．' => '.',
        _ => ch,
    };

    /// <summary>The Chinese reading is digits (a separator or decimal point allowed), or nothing at all although there is ink.</summary>
    public static bool LooksNumeric(string chinese)
    {
        var s = chinese.Replace(" ", "", StringComparison.Ordinal);
        return s.All(ch => Fold(ch) is >= '0' and <= '9' or ',' or '.');
    }

    /// <summary>Every number either reading gave, from an <see cref="OcrCell.Seen"/> (「a」/「b」 or one reading).</summary>
    public static IEnumerable<decimal> Readings(string seen)
    {
        var parts = seen.Contains('「', StringComparison.Ordinal)
            ? seen.Split(['「', '」', '/'], StringSplitOptions.RemoveEmptyEntries)
            : [seen];
        return parts
            .Select(p => new string(p.Where(ch => ch != ' ').Select(Fold).Where(ch => ch != ',').ToArray()).Trim('.'))
            .Where(p => p.Length > 0 && p.All(char.IsAsciiDigit))
            .Select(p => decimal.Parse(p, System.Globalization.CultureInfo.InvariantCulture))
            .Distinct();
    }

    /// <summary>A number when the Chinese reading, folded, and the digit-only reading are the same digits; otherwise unsure, with both readings.</summary>
    public static OcrCell Agree(string chinese, string digits)
    {
        var a = new string(chinese.Where(ch => ch != ' ').Select(Fold).Where(ch => ch != ',').ToArray()).Trim('.');
        var b = new string(digits.Where(ch => ch is not (' ' or ',')).ToArray()).Trim('.');
        // The Chinese model often sees nothing in a cell holding one thin digit; the digit reading then stands alone, and the arithmetic judges it.
        var agreed = a.Length == 0 ? b : a == b ? a : "";
        var seen = a == b || a.Length == 0 ? b : $"「{chinese}」/「{digits}」";
        return agreed.Length > 0 && agreed.All(ch => ch is >= '0' and <= '9' or '.') && char.IsAsciiDigit(agreed[0]) && char.IsAsciiDigit(agreed[^1])
            ? new OcrCell(OcrCellKind.Number, agreed, seen)
            : new OcrCell(OcrCellKind.Unsure, b.Length > 0 ? b : a, seen);
    }
}
