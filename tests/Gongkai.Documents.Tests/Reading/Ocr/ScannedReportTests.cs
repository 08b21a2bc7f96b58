using System.Globalization;
using Gongkai.Core.Reports;
using Gongkai.Core.Statute;
using Gongkai.Documents.Reading;
using Gongkai.Documents.Reading.Ocr;
using Gongkai.Documents.Reading.Text;
using Gongkai.Testing;

namespace Gongkai.Documents.Tests.Reading.Ocr;

/// <summary>How a printed report came back from the scanner.</summary>
public enum ScanCondition
{
    Clean,
    Noise,
    Rotation,
    NoiseAndRotation,
}

/// <summary>
/// Reports rendered to PDF (Chromium), rasterised at 150 dpi (<c>pdftoppm -r 150</c>), marred as a
/// scanner would (grain, specks, a slightly crooked sheet) and rebuilt as image-only PDFs
/// (<c>img2pdf</c>), then read back through <see cref="ReportLoader"/> like any uploaded file.
/// Every cell read must be the printed one; the share of cells recovered per condition is
/// printed (lines starting 「scanned」, which the test script shows).
/// </summary>
public class ScannedReportTests
{
    public static TheoryData<ScanCondition, Edition> Conditions() => EditionMatrix.Of(Enum.GetValues<ScanCondition>());

    [Theory]
    [MemberData(nameof(Conditions))]
    public void RenderedReport_ScannedAndReadBack_HasNoWrongCell(ScanCondition condition, Edition edition)
    {
        var random = new Random(400 + ((int)condition * 10) + (int)edition);
        var report = ReportGenerator.Consistent(random, edition, scale: 40);
        var scan = Scanner.Scan(Gongkai.Documents.Reports.ReportPdfWriter.Write(report), condition, random);

        var loaded = ReportLoader.Load($"scan-{condition}.pdf", scan);

        Assert.True(loaded.Scanned);
        Assert.NotNull(loaded.Report);
        Assert.Equal((report.Year, report.Edition), (loaded.Report.Year, loaded.Report.Edition));
        var diagnostics = loaded.Check();
        Assert.Contains(diagnostics, d => d.Code == ReaderCodes.ScannedOcr);
        var (cells, recovered) = CrawledFormTests.Compare(report, loaded.Report, diagnostics, $"{condition} {edition}");
        var (arith, arithRecovered) = CrawledFormTests.Compare(TablesThreeAndFour(report), TablesThreeAndFour(loaded.Report), diagnostics, $"{condition} {edition} 表三四");
        Report($"scanned {edition.Code()} {condition}: {recovered}/{cells} cells recovered ({(double)recovered / cells:P1}); tables 三 and 四 {arithRecovered}/{arith} ({(double)arithRecovered / arith:P1})");
        Assert.True((double)arithRecovered / arith >= Floor(condition), $"{condition}: tables 三 and 四 recovered only {arithRecovered}/{arith}");
    }

    /// <summary>The published PDFs of the corpus, scanned: every cell read must equal the text layer's reading.</summary>
    [Theory]
    [InlineData("huaian-hongze-2024.pdf", ScanCondition.Clean)]
    [InlineData("huaian-hongze-2023.pdf", ScanCondition.NoiseAndRotation)]
    [InlineData("huaian-city-2024.pdf", ScanCondition.Rotation)]
    public void PublishedReport_Scanned_AgreesWithItsTextLayer(string file, ScanCondition condition)
    {
        var pdf = File.ReadAllBytes(SharedFiles.Corpus("published", file));
        var original = ReportLoader.Load(file, pdf);
        var scan = Scanner.Scan(pdf, condition, new Random(file.Length));

        var loaded = ReportLoader.Load($"scan-{file}", scan);

        Assert.True(loaded.Scanned);
        Assert.False(original.Scanned);
        Assert.Equal((original.Report!.Year, original.Report.Edition), (loaded.Report!.Year, loaded.Report.Edition));
        var diagnostics = loaded.Check();
        var (cells, recovered) = CrawledFormTests.Compare(original.Report, loaded.Report, diagnostics, file);
        var (arith, arithRecovered) = CrawledFormTests.Compare(TablesThreeAndFour(original.Report), TablesThreeAndFour(loaded.Report), diagnostics, file);
        Report($"scanned {file} {condition}: {recovered}/{cells} cells recovered ({(double)recovered / cells:P1}); tables 三 and 四 {arithRecovered}/{arith} ({(double)arithRecovered / arith:P1})");
        Assert.True((double)arithRecovered / arith >= Floor(condition), $"{file}: tables 三 and 四 recovered only {arithRecovered}/{arith}");
    }

    /// <summary>A text PDF whose last page is a scanned image (the page with the seal) keeps its tables from the text layer.</summary>
    [Fact]
    public async Task TextPdfWithAScannedLastPage_KeepsItsTablesFromTheTextLayer()
    {
        var report = ReportGenerator.Consistent(new Random(7), Edition.V2021, scale: 20);
        var text = Gongkai.Documents.Reports.ReportPdfWriter.Write(report);
        var seal = Scanner.Scan(await Gongkai.Documents.Reports.ReportPdfWriter.WriteHtmlAsync("<html><body><p style=\"font-size:28px\">北关区人民政府办公室</p><p style=\"font-size:28px\">2027年1月20日</p></body></html>", TestContext.Current.CancellationToken), ScanCondition.Clean, new Random(1));
        var merged = Scanner.Unite(text, seal);

        var loaded = ReportLoader.Load("with-seal.pdf", merged);

        Assert.True(loaded.Scanned);
        var (cells, recovered) = CrawledFormTests.Compare(report, loaded.Report!, loaded.Check(), "with seal");
        Assert.Equal(cells, recovered);
        var note = Assert.Single(loaded.ReaderDiagnostics, d => d.Code == ReaderCodes.ScannedOcr);
        Assert.Contains("没有表格", note.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// A clean scan keeps most of tables 三 and 四. Grain and a crooked sheet can cost a whole table
    /// (when its rows cannot be placed with certainty it is refused), so for them only the shares are
    /// printed — and every condition must read no wrong number.
    /// </summary>
    private static double Floor(ScanCondition condition) => condition == ScanCondition.Clean ? 0.85 : 0;

    private static AnnualReport TablesThreeAndFour(AnnualReport report) =>
        new(report.Year, report.Edition) { Requests = report.Requests, Appeals = report.Appeals };

    private static void Report(string line)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        Console.WriteLine(line);
    }
}

/// <summary>Turns a PDF into what a scanner gives back: one 150-dpi grayscale image per page, optionally grainy and crooked (<see cref="ScannedPdf"/>).</summary>
internal static class Scanner
{
    public const int Dpi = 150;

    public static byte[] Scan(byte[] pdf, ScanCondition condition, Random random) =>
        ScannedPdf.Scan(pdf, Dpi, condition == ScanCondition.Clean ? null : page => Mar(page, condition, random), condition.ToString());

    public static byte[] Unite(byte[] first, byte[] second) => ScannedPdf.Unite(first, second);

    private static byte[] Mar(byte[] pgm, ScanCondition condition, Random random)
    {
        var image = GrayImage.ReadPgm(pgm);
        if (condition is ScanCondition.Rotation or ScanCondition.NoiseAndRotation)
        {
            var degrees = (0.5 + random.NextDouble()) * (random.Next(2) == 0 ? -1 : 1); // 0.5°–1.5° either way
            image = image.Rotate(degrees);
        }

        if (condition is ScanCondition.Noise or ScanCondition.NoiseAndRotation)
        {
            AddNoise(image, random);
        }

        return image.ToPgm();
    }

    /// <summary>Paper grain (Gaussian, σ 12 levels) and dust (0.2 % of pixels black or white).</summary>
    private static void AddNoise(GrayImage image, Random random)
    {
        var p = image.Pixels;
        for (var i = 0; i < p.Length; i++)
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            var gauss = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
            var v = p[i] + (gauss * 12);
            var dust = random.NextDouble();
            if (dust < 0.001)
            {
                v = 0;
            }
            else if (dust < 0.002)
            {
                v = 255;
            }

            p[i] = (byte)Math.Clamp(Math.Round(v), 0, 255);
        }
    }
}
