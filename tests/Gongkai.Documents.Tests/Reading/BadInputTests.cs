using System.Diagnostics;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.Documents.Reading;
using Gongkai.Documents.Reading.Text;
using Gongkai.Testing;

namespace Gongkai.Documents.Tests.Reading;

/// <summary>No input makes a reader throw (other than one clear <see cref="ReportReadException"/>), hang or blow up.</summary>
public class BadInputTests
{
    /// <summary>A hang guard, not a performance target: reading a seed takes well under a millisecond.</summary>
    private static readonly TimeSpan _bound = TimeSpan.FromSeconds(5);

    private static string[] Seeds() =>
        Directory.GetFiles(SharedFiles.Corpus("seeds"), "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();

    private static LoadedReport? LoadOrRefuse(string source, byte[] bytes)
    {
        try
        {
            return ReportLoader.Load(source, bytes);
        }
        catch (ReportReadException)
        {
            return null;
        }
    }

    [Fact]
    public void MutatedSeeds_NeverThrowAndFinishInBoundedTime()
    {
        var random = new Random(4242);
        var seeds = Seeds();
        var worst = TimeSpan.Zero;
        for (var i = 0; i < 3000; i++)
        {
            var text = ReportMutator.Mutate(seeds[random.Next(seeds.Length)], random);
            var watch = Stopwatch.StartNew();
            var loaded = TextReportReader.Read(text, $"mutant-{i}");
            _ = loaded.Check();
            watch.Stop();
            worst = watch.Elapsed > worst ? watch.Elapsed : worst;
        }

        Assert.True(worst < _bound, $"slowest mutant took {worst}");
    }

    [Fact]
    public void RandomBytes_AreRefusedOrDiagnosedNeverThrown()
    {
        var random = new Random(7);
        for (var i = 0; i < 300; i++)
        {
            var bytes = new byte[random.Next(0, 20_000)];
            random.NextBytes(bytes);
            var loaded = LoadOrRefuse($"random-{i}", bytes);
            Assert.True(loaded is null || loaded.Report is null || loaded.Report.Year > 0);
        }
    }

    [Fact]
    public void RandomDigitsAndTabs_DoNotBlowUpTheCellSplitter()
    {
        var random = new Random(8);
        var seed = Seeds()[1];
        for (var i = 0; i < 200; i++)
        {
            var digits = new string(Enumerable.Range(0, random.Next(10, 200)).Select(_ => (char)('0' + random.Next(10))).ToArray());
            var text = seed.Replace("一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0", "一、本年新收政府信息公开申请数量\t" + digits, StringComparison.Ordinal)
                .Replace("0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0", digits, StringComparison.Ordinal);
            var watch = Stopwatch.StartNew();
            TextReportReader.Read(text, "digits").Check();
            Assert.True(watch.Elapsed < _bound, $"{digits.Length} digits took {watch.Elapsed}");
        }
    }

    [Fact]
    public void HugeFile_IsReadInBoundedTime()
    {
        var seed = Seeds()[0];
        var sb = new StringBuilder(50 * 1024 * 1024);
        while (sb.Length < 25 * 1024 * 1024)
        {
            sb.Append(seed);
        }

        var bytes = Encoding.UTF8.GetBytes(sb.ToString());
        Assert.True(bytes.Length > 50_000_000);
        var watch = Stopwatch.StartNew();
        var loaded = ReportLoader.Load("huge.txt", bytes);
        Assert.NotNull(loaded.Report);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"took {watch.Elapsed}");
    }

    [Fact]
    public void TooLargeFile_IsRefusedWithOneMessage()
    {
        var path = Path.GetTempFileName();
        try
        {
            using (var f = File.OpenWrite(path))
            {
                f.SetLength(ReportLoader.MaxFileBytes + 1);
            }

            var e = Assert.Throws<ReportReadException>(() => ReportLoader.Load(path));
            Assert.Contains("文件过大", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void PdfThatIsNotAReport_IsDiagnosed()
    {
        var loaded = ReportLoader.Load("memo.pdf", MinimalPdf("Meeting notes 2024"));
        Assert.Equal("pdf", loaded.Form);
        Assert.Null(loaded.Report);
        Assert.Contains(loaded.ReaderDiagnostics, d => d.Code == ReaderCodes.NotAReport);
    }

    [Fact]
    public void TruncatedPdf_IsOneClearError()
    {
        var pdf = File.ReadAllBytes(SharedFiles.Corpus("published", "huaian-hongze-2024.pdf"));
        var loaded = LoadOrRefuse("cut.pdf", pdf[..(pdf.Length / 3)]);
        Assert.True(loaded is null || loaded.Report is null || loaded.Report.Year == 2024);
    }

    [Fact]
    public void DocxWithNoTables_IsDiagnosed()
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            doc.AddMainDocumentPart().Document = new Document(new Body(new Paragraph(new Run(new Text("会议纪要")))));
        }

        var loaded = ReportLoader.Load("memo.docx", stream.ToArray());
        Assert.Equal("docx", loaded.Form);
        Assert.Null(loaded.Report);
        Assert.Contains(loaded.ReaderDiagnostics, d => d.Code == ReaderCodes.NotAReport);
    }

    [Fact]
    public void ZipThatIsNotADocx_IsOneClearError()
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var w = new StreamWriter(zip.CreateEntry("x.txt").Open());
            w.Write("hello");
        }

        var e = Assert.Throws<ReportReadException>(() => ReportLoader.Load("x.docx", stream.ToArray()));
        Assert.Contains("DOCX", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pre2019Layout_IsRecognisedNotHalfParsed()
    {
        const string old = """
            北关区教育局2018年政府信息公开工作年度报告
            一、概述
            政府信息公开情况统计表
            统计指标	单位	统计数
            一、主动公开情况
            （一）主动公开政府信息数	条	120
            二、依申请公开情况
            （一）收到申请数	件	3
            """;
        var loaded = TextReportReader.Read(old, "old.txt");
        Assert.Null(loaded.Report);
        Assert.Equal(ReaderCodes.OldFormat, Assert.Single(loaded.ReaderDiagnostics).Code);
    }

    [Fact]
    public void Gb18030Text_IsRead()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding("GB18030").GetBytes(Seeds()[1]);
        var loaded = ReportLoader.Load("gbk.txt", bytes);
        Assert.Equal("红旗区西街街道办事处", loaded.Report!.Agency);
    }

    /// <summary>A one-page PDF with a line of Helvetica text, written by hand.</summary>
    private static byte[] MinimalPdf(string text)
    {
        var content = $"BT /F1 12 Tf 72 720 Td ({text}) Tj ET";
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var sb = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(sb.Length);
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = sb.Length;
        sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets)
        {
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"{o:D10} 00000 n \n");
        }

        sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(sb.ToString());
    }
}
