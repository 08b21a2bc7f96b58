using Gongkai.Documents.Reading.Ocr;

namespace Gongkai.Documents.Tests.Reading.Ocr;

/// <summary>Tables found on drawn page images: ruling lines, bands, merged cells, skew.</summary>
public class PageLayoutTests
{
    private const int Dpi = 300;

    /// <summary>An A4 page at 300 dpi with a ruled table: <paramref name="columns"/> borders, a rowspan label in the first column over rows 2–4, and an ink blob in chosen cells.</summary>
    internal static GrayImage DrawTable(int[] columns, int[] rows, int rowspanFrom = -1, int rowspanTo = -1, IEnumerable<(int Row, int Column)>? inked = null)
    {
        var page = new GrayImage(2480, 3508);
        for (var r = 0; r < rows.Length; r++)
        {
            // A line inside a rowspan does not cross the first column.
            var from = r > rowspanFrom && r <= rowspanTo ? columns[1] : columns[0];
            page.Fill(from, rows[r], columns[^1] - from + 3, 3, 0);
        }

        foreach (var x in columns)
        {
            page.Fill(x, rows[0], 3, rows[^1] - rows[0] + 3, 0);
        }

        foreach (var (row, column) in inked ?? [])
        {
            var cx = (columns[column] + columns[column + 1]) / 2;
            var cy = (rows[row] + rows[row + 1]) / 2;
            page.Fill(cx - 8, cy - 14, 16, 28, 0); // a digit-sized blob
        }

        // Running text above the table: short strokes, never a ruling line.
        for (var i = 0; i < 30; i++)
        {
            page.Fill(300 + (i * 50), 300, 40, 4, 0);
            page.Fill(300 + (i * 50), 290, 4, 40, 0);
        }

        return page;
    }

    private static readonly int[] _columns = [200, 900, 1100, 1300, 1500, 1700, 1900, 2100, 2300];
    private static readonly int[] _rows = [600, 700, 800, 900, 1000, 1100];

    [Fact]
    public void RuledTable_IsFoundWithItsBandsAndCells()
    {
        var layout = PageLayout.Analyse(DrawTable(_columns, _rows), Dpi);

        var table = Assert.Single(layout.Tables);
        Assert.Equal(_rows.Length - 1, table.Bands.Count);
        Assert.All(table.Bands, b => Assert.Equal(_columns.Length - 1, b.Cells.Count));
        Assert.InRange(table.X0, 195, 205);
        Assert.InRange(table.Y1, 1100, 1106);
        Assert.Equal(0, layout.Skew);
    }

    [Fact]
    public void RowspanLabel_AppearsAsAPieceInEachBand_AndInkIsFoundOnlyWhereDrawn()
    {
        var layout = PageLayout.Analyse(DrawTable(_columns, _rows, rowspanFrom: 1, rowspanTo: 3, inked: [(2, 3), (4, 7)]), Dpi);

        var table = Assert.Single(layout.Tables);
        Assert.Equal(_rows.Length - 1, table.Bands.Count);
        var inked = table.Bands.SelectMany((b, r) => b.Cells.Select((c, k) => (r, k, Ink: layout.Ink(c, 30)))).Where(x => x.Ink is not null).Select(x => (x.r, x.k)).ToArray();
        Assert.Equal([(2, 3), (4, 7)], inked);
    }

    [Fact]
    public void TwoTablesSeparatedByText_AreTwoTables()
    {
        var page = DrawTable(_columns, _rows);
        var second = DrawTable(_columns, [.. _rows.Select(y => y + 1200)]);
        for (var i = 0; i < page.Pixels.Length; i++)
        {
            page.Pixels[i] = Math.Min(page.Pixels[i], second.Pixels[i]);
        }

        var layout = PageLayout.Analyse(page, Dpi);

        Assert.Equal(2, layout.Tables.Count);
        Assert.True(layout.Tables[0].Y1 < layout.Tables[1].Y0);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-0.7)]
    [InlineData(2.0)]
    public void SkewedScan_IsStraightened_AndReadAsTheStraightOne(double degrees)
    {
        var page = DrawTable(_columns, _rows).Rotate(degrees);

        var layout = PageLayout.Analyse(page, Dpi);

        Assert.InRange(layout.Skew, degrees - 0.1, degrees + 0.1);
        var table = Assert.Single(layout.Tables);
        Assert.Equal(_rows.Length - 1, table.Bands.Count);
        Assert.All(table.Bands, b => Assert.Equal(_columns.Length - 1, b.Cells.Count));
    }

    [Fact]
    public void PageWithoutRulingLines_HasNoTable()
    {
        var page = new GrayImage(2480, 3508);
        for (var y = 300; y < 3000; y += 80)
        {
            for (var x = 300; x < 2100; x += 48)
            {
                page.Fill(x, y, 36, 36, 0); // a page of characters
            }
        }

        Assert.Empty(PageLayout.Analyse(page, Dpi).Tables);
    }

    [Fact]
    public void Pgm_RoundTrips_AndATruncatedOneIsRefused()
    {
        var image = new GrayImage(3, 2, [0, 50, 100, 150, 200, 255]);
        var back = GrayImage.ReadPgm(image.ToPgm());
        Assert.Equal(image.Pixels, back.Pixels);
        Assert.Equal((3, 2), (back.Width, back.Height));

        var bytes = image.ToPgm();
        var e = Assert.Throws<FormatException>(() => GrayImage.ReadPgm(bytes[..^2]));
        Assert.Contains("truncated", e.Message, StringComparison.Ordinal);
    }
}
