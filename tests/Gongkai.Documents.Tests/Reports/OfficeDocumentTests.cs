using System.Diagnostics;
using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Rules;
using Gongkai.Core.Statute;
using Gongkai.Documents.Reading;
using Gongkai.Documents.Reports;
using Gongkai.Testing;
using W = DocumentFormat.OpenXml.Wordprocessing;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace Gongkai.Documents.Tests.Reports;

public class OfficeDocumentTests
{
    private static WordprocessingDocument OpenDocx(byte[] bytes) => WordprocessingDocument.Open(new MemoryStream(bytes), false);

    [Fact]
    public void Docx_RandomReportsReadBackToTheSameJson()
    {
        var random = new Random(31);
        for (var i = 0; i < 60; i++)
        {
            var report = ReportGenerator.Consistent(random);
            var loaded = ReportLoader.Load($"r{i}.docx", ReportDocxWriter.Write(report));
            Assert.Equal("docx", loaded.Form);
            Assert.Equal(AnnualReportJson.Write(report), AnnualReportJson.Write(loaded.Report!));
        }
    }

    [Fact]
    public void Docx_PageSetupFollowsGbT9704()
    {
        using var doc = OpenDocx(ReportDocxWriter.Write(ReportGenerator.Consistent(new Random(1), Edition.V2021)));
        var section = doc.MainDocumentPart!.Document.Body!.Elements<SectionProperties>().Single();
        var size = section.Elements<PageSize>().Single();
        Assert.Equal((11906u, 16838u), (size.Width!.Value, size.Height!.Value)); // A4
        var margin = section.Elements<PageMargin>().Single();
        static int Mm(double mm) => (int)Math.Round(mm * 1440 / 25.4);
        Assert.Equal(Mm(37), margin.Top!.Value);
        Assert.Equal(Mm(35), margin.Bottom!.Value);
        Assert.Equal((uint)Mm(28), margin.Left!.Value);
        Assert.Equal((uint)Mm(26), margin.Right!.Value);

        var footer = doc.MainDocumentPart.FooterParts.Single().Footer;
        Assert.Equal("— 1 —", footer.InnerText);
        Assert.Contains(footer.Descendants<SimpleField>(), f => f.Instruction!.Value!.Trim() == "PAGE");
        Assert.All(footer.Descendants<W.RunFonts>(), f => Assert.Equal("宋体", f.EastAsia!.Value));
        Assert.All(footer.Descendants<W.FontSize>(), f => Assert.Equal("28", f.Val!.Value)); // 四号
    }

    [Fact]
    public void Docx_FontsOfTitleBodyAndHeadings()
    {
        var report = ReportGenerator.Consistent(new Random(2), Edition.V2021);
        report.Sections = new ReportNarrative("（一）主动公开情况。全年主动公开信息100条。\n第二段正文。", "问题", "本年度未收取信息处理费。");
        using var doc = OpenDocx(ReportDocxWriter.Write(report));
        var paragraphs = doc.MainDocumentPart!.Document.Body!.Elements<Paragraph>().ToArray();

        var title = paragraphs[0];
        Assert.Equal(JustificationValues.Center, title.ParagraphProperties!.Justification!.Val!.Value);
        Assert.Equal(("方正小标宋简体", "44"), RunFont(title.Elements<Run>().Single()));

        var heading = paragraphs.First(p => p.InnerText == "一、总体情况");
        Assert.Equal(("黑体", "32"), RunFont(heading.Elements<Run>().Single()));

        var level2 = paragraphs.First(p => p.InnerText.StartsWith("（一）", StringComparison.Ordinal));
        var runs = level2.Elements<Run>().ToArray();
        Assert.Equal("（一）主动公开情况。", runs[0].InnerText);
        Assert.Equal(("楷体_GB2312", "32"), RunFont(runs[0]));
        Assert.Equal(("仿宋_GB2312", "32"), RunFont(runs[1]));

        var body = paragraphs.First(p => p.InnerText == "第二段正文。");
        var props = body.ParagraphProperties!;
        Assert.Equal(200, props.Indentation!.FirstLineChars!.Value);
        Assert.Equal("560", props.SpacingBetweenLines!.Line!.Value); // 28 pt
        Assert.Equal(LineSpacingRuleValues.Exact, props.SpacingBetweenLines.LineRule!.Value);

        var fonts = doc.MainDocumentPart.FontTablePart!.Fonts.Elements<W.Font>().ToDictionary(f => f.Name!.Value!, f => f.GetFirstChild<AltName>()?.Val?.Value);
        Assert.Equal("仿宋", fonts["仿宋_GB2312"]);
        Assert.Equal("楷体", fonts["楷体_GB2312"]);
    }

    private static (string? Font, string? Size) RunFont(Run run) =>
        (run.RunProperties!.RunFonts!.EastAsia?.Value, run.RunProperties.FontSize!.Val?.Value);

    [Theory]
    [InlineData(Edition.V2019, 23, 20)]
    [InlineData(Edition.V2021, 25, 22)]
    public void Docx_Table3HasTheTemplatesMerges(Edition edition, int dataRows, int resultRows)
    {
        using var doc = OpenDocx(ReportDocxWriter.Write(ReportGenerator.Consistent(new Random(3), edition)));
        var table = doc.MainDocumentPart!.Document.Body!.Elements<W.Table>().ElementAt(1);
        var rows = table.Elements<TableRow>().ToArray();
        Assert.Equal(3 + dataRows, rows.Length);
        Assert.All(rows.Take(3), r => Assert.NotNull(r.TableRowProperties!.GetFirstChild<TableHeader>()));

        static int Span(TableCell c) => c.TableCellProperties!.GridSpan?.Val?.Value ?? 1;
        static MergedCellValues? VMerge(TableCell c) => c.TableCellProperties!.VerticalMerge is { } v ? v.Val?.Value ?? MergedCellValues.Continue : null;
        Assert.All(rows, r => Assert.Equal(10, r.Elements<TableCell>().Sum(Span)));

        var head = rows[0].Elements<TableCell>().ToArray();
        Assert.Equal((3, MergedCellValues.Restart), (Span(head[0]), VMerge(head[0])));
        Assert.Equal(7, Span(head[1]));
        var second = rows[1].Elements<TableCell>().ToArray();
        Assert.Equal(("法人或其他组织", 5), (second[2].InnerText, Span(second[2])));

        var resultCells = rows.Skip(3).Select(r => r.Elements<TableCell>().First()).Where(c => VMerge(c) is not null).ToArray();
        Assert.Equal(resultRows, resultCells.Length);
        Assert.Equal(RequestTable.ResultsHeader, resultCells[0].InnerText);
        Assert.Equal(MergedCellValues.Restart, VMerge(resultCells[0]));
        Assert.All(resultCells.Skip(1), c => Assert.Equal(MergedCellValues.Continue, VMerge(c)));

        var withheld = rows.Skip(3).Select(r => r.Elements<TableCell>().ElementAtOrDefault(1)).Where(c => c?.InnerText == RequestTable.GroupWithheld).Single()!;
        Assert.Equal(MergedCellValues.Restart, VMerge(withheld));
    }

    [Fact]
    public void Docx_Table4HasHorizontalLitigationGroups()
    {
        using var doc = OpenDocx(ReportDocxWriter.Write(ReportGenerator.Consistent(new Random(4), Edition.V2021)));
        var table = doc.MainDocumentPart!.Document.Body!.Elements<W.Table>().ElementAt(2);
        var rows = table.Elements<TableRow>().ToArray();
        var top = rows[0].Elements<TableCell>().ToArray();
        Assert.Equal(("行政复议", 5), (top[0].InnerText, top[0].TableCellProperties!.GridSpan!.Val!.Value));
        Assert.Equal(("行政诉讼", 10), (top[1].InnerText, top[1].TableCellProperties!.GridSpan!.Val!.Value));
        Assert.Equal(15, rows[^1].Elements<TableCell>().Count());
    }

    [Fact]
    public void Xlsx_CellsAreNumbersAndFeeHasFourDecimals()
    {
        var report = ReportGenerator.Consistent(new Random(5), Edition.V2021);
        report.Proactive!.SetCell("fees", "amount", 12.5m);
        var bytes = ReportXlsxWriter.Write(report, ReportChecker.Check(report));
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var wb = doc.WorkbookPart!;
        var names = wb.Workbook.Sheets!.Elements<X.Sheet>().Select(s => s.Name!.Value!).ToArray();
        Assert.Equal(["表二 主动公开", "表三 依申请公开", "表四 复议诉讼", "校验"], names);

        var t3 = SheetNamed(wb, "表三 依申请公开");
        var received = t3.Descendants<X.Row>().ElementAt(3).Elements<X.Cell>().Where(c => c.DataType?.Value == X.CellValues.Number).Select(c => int.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(report.Requests!["received"]!.Select(v => v!.Value), received);
        Assert.Contains(t3.Descendants<X.MergeCell>(), m => m.Reference!.Value == "A1:C3");
        Assert.Contains(t3.Descendants<X.MergeCell>(), m => m.Reference!.Value == "E2:I2");

        var fee = SheetNamed(wb, "表二 主动公开").Descendants<X.Cell>().Single(c => c.StyleIndex?.Value == 1);
        Assert.Equal("12.5", fee.CellValue!.Text);
        var format = wb.WorkbookStylesPart!.Stylesheet.NumberingFormats!.Elements<X.NumberingFormat>().Single();
        Assert.Equal("0.0000", format.FormatCode!.Value);
    }

    [Fact]
    public void Xlsx_ChecksSheetListsEveryDiagnostic()
    {
        var report = ReportGenerator.Consistent(new Random(6), Edition.V2021);
        report.Requests!["received"]![0] += 1;
        var diagnostics = ReportChecker.Check(report);
        using var doc = SpreadsheetDocument.Open(new MemoryStream(ReportXlsxWriter.Write(report, diagnostics)), false);
        var rows = SheetNamed(doc.WorkbookPart!, "校验").Descendants<X.Row>().Skip(1).ToArray();
        Assert.Equal(diagnostics.Count, rows.Length);
        Assert.Contains(rows, r => r.InnerText.Contains("balance", StringComparison.Ordinal));
    }

    private static X.Worksheet SheetNamed(WorkbookPart wb, string name)
    {
        var sheet = wb.Workbook.Sheets!.Elements<X.Sheet>().Single(s => s.Name!.Value == name);
        return ((WorksheetPart)wb.GetPartById(sheet.Id!.Value!)).Worksheet;
    }

    [Fact]
    public void Pdf_TextHasEveryNumberOfTable3InOrder()
    {
        var report = ReportGenerator.Consistent(new Random(7), Edition.V2021, scale: 400);
        var pdf = ReportPdfWriter.Write(report);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5), StringComparison.Ordinal);
        var text = PdfReportReader.ToText(pdf, "out.pdf");
        var at = text.IndexOf("三、收到和处理政府信息公开申请情况", StringComparison.Ordinal);
        Assert.True(at >= 0);
        var numbers = System.Text.RegularExpressions.Regex.Matches(text[at..], @"(?<![\d.])\d+(?![\d.])").Select(m => m.Value).ToList();
        var expected = RequestTable.Rows(Edition.V2021).SelectMany(r => report.Requests![r]!.Select(v => v!.Value.ToString(CultureInfo.InvariantCulture))).ToList();
        var position = 0;
        foreach (var n in expected)
        {
            position = numbers.IndexOf(n, position);
            Assert.True(position >= 0, $"{n} missing or out of order");
            position++;
        }

        Assert.Matches(@"[—-]\s*2\s*[—-]", text); // the page-number footer of page 2
        var back = TextReportLoad(text);
        Assert.Equal(AnnualReportJson.Write(report), AnnualReportJson.Write(back));
    }

    private static AnnualReport TextReportLoad(string text) => Gongkai.Documents.Reading.Text.TextReportReader.Read(text, "pdf").Report!;

    [Theory]
    [InlineData("docx")]
    [InlineData("xlsx")]
    public void LibreOffice_ConvertsTheFileToPdf(string kind)
    {
        var report = ReportGenerator.Consistent(new Random(8), Edition.V2021);
        using var dir = new TempFolder();
        var input = Path.Combine(dir.Path, "report." + kind);
        File.WriteAllBytes(input, kind == "docx" ? ReportDocxWriter.Write(report) : ReportXlsxWriter.Write(report, []));
        var info = new ProcessStartInfo("libreoffice") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--headless", $"-env:UserInstallation=file://{dir.Path}/profile", "--convert-to", "pdf", "--outdir", dir.Path, input })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), "libreoffice did not finish");
        var output = Path.Combine(dir.Path, "report.pdf");
        Assert.True(File.Exists(output), $"conversion failed: {process.StandardError.ReadToEnd()}");
        var text = PdfReportReader.ToText(File.ReadAllBytes(output), output);
        Assert.Contains(report.Requests!["total"]![6]!.Value.ToString(CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("gongkai-lo-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
