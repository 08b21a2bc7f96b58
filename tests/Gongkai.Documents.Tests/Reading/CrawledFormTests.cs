using System.Globalization;
using System.Text.Json;
using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Rules;
using Gongkai.Core.Statute;
using Gongkai.Documents.Reading;
using Gongkai.Documents.Reading.Text;
using Gongkai.Testing;

namespace Gongkai.Documents.Tests.Reading;

/// <summary>
/// Random consistent reports (both editions) rendered into each crawled form and read back: every
/// cell is the original value or carries a diagnostic — never a different number. The share of
/// cells recovered per form is printed.
/// </summary>
public class CrawledFormTests
{
    public const int ReportsPerFormAndEdition = 500;

    public static TheoryData<CrawledForm, Edition> Forms() => EditionMatrix.Of(Enum.GetValues<CrawledForm>());

    /// <summary>The share of cells each form must recover (measured shares are printed; glued one-line pages lose the cells whose digit runs split several ways).</summary>
    private static double Floor(CrawledForm form) => form == CrawledForm.OneLineGlued ? 0.5 : 0.99;

    [Theory]
    [MemberData(nameof(Forms))]
    public void RandomReports_InEachCrawledForm_ReadBackWithNoWrongCell(CrawledForm form, Edition edition)
    {
        var random = new Random((1000 * (int)form) + (int)edition);
        long cells = 0, recovered = 0;
        for (var i = 0; i < ReportsPerFormAndEdition; i++)
        {
            var report = ReportGenerator.Consistent(random, edition, scale: 30);
            if (form is CrawledForm.TabsWithBlankCells or CrawledForm.CellPerLine)
            {
                CrawledFormRenderer.BlankSomeCells(report, random);
            }

            var text = CrawledFormRenderer.Render(report, form, random);
            var loaded = TextReportReader.Read(text, $"{form}-{i}");
            Assert.True(loaded.Report is not null, $"{form} #{i}: no report read");
            Assert.Equal(report.Year, loaded.Report.Year);
            Assert.Equal(report.Edition, loaded.Report.Edition);
            Assert.Equal(report.Agency, loaded.Report.Agency);
            var diagnostics = loaded.Check();
            Assert.DoesNotContain(diagnostics, d => d.Code is DiagnosticCodes.MissingSection or DiagnosticCodes.MissingTable);
            if (Environment.GetEnvironmentVariable("GONGKAI_DUMP") is { } dump)
            {
                File.WriteAllText(Path.Combine(dump, $"{form}-{edition}-{i}.txt"), text);
            }

            var (n, ok) = Compare(report, loaded.Report, diagnostics, $"{form} #{i}");
            cells += n;
            recovered += ok;
        }

        var share = (double)recovered / cells;
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{form} {edition}: {recovered}/{cells} cells recovered ({share:P2})"));
        Assert.True(share >= Floor(form), string.Create(CultureInfo.InvariantCulture, $"{form} {edition}: recovered {share:P2}"));
    }

    public static TheoryData<string, Edition> DocumentForms() => EditionMatrix.Of(["html", "docx"]);

    /// <summary>HTML (empty &lt;td&gt; = blank cell) and DOCX (empty table cell) with blank cells, read through the loader.</summary>
    [Theory]
    [MemberData(nameof(DocumentForms))]
    public void RandomReportsWithBlankCells_AsHtmlAndDocx_ReadBackWithNoWrongCell(string form, Edition edition)
    {
        var random = new Random(form.Length * 7 + (int)edition);
        long cells = 0, recovered = 0;
        var count = ReportsPerFormAndEdition;
        for (var i = 0; i < count; i++)
        {
            var report = ReportGenerator.Consistent(random, edition, scale: 30);
            CrawledFormRenderer.BlankSomeCells(report, random);
            var bytes = form == "html"
                ? System.Text.Encoding.UTF8.GetBytes(Gongkai.Documents.Reports.ReportHtmlWriter.Write(report))
                : Gongkai.Documents.Reports.ReportDocxWriter.Write(report);
            var loaded = ReportLoader.Load($"random-{i}.{form}", bytes);
            Assert.Equal(form, loaded.Form);
            var (n, ok) = Compare(report, loaded.Report!, loaded.Check(), $"{form} #{i}");
            cells += n;
            recovered += ok;
        }

        var share = (double)recovered / cells;
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{form} {edition} with blank cells: {recovered}/{cells} cells recovered ({share:P2})"));
        Assert.True(share >= 0.99, string.Create(CultureInfo.InvariantCulture, $"{form} {edition}: recovered {share:P2}"));
    }

    /// <summary>PDF through Chromium and pdftotext (slow: ~1.5 s each, so a few per edition), blank cells included.</summary>
    [Theory]
    [InlineData(Edition.V2019)]
    [InlineData(Edition.V2021)]
    public void RandomReportsWithBlankCells_AsPdf_ReadBackWithNoWrongCell(Edition edition)
    {
        var random = new Random(31 + (int)edition);
        long cells = 0, recovered = 0;
        for (var i = 0; i < 4; i++)
        {
            var report = ReportGenerator.Consistent(random, edition, scale: 30);
            CrawledFormRenderer.BlankSomeCells(report, random);
            var loaded = ReportLoader.Load($"random-{i}.pdf", Gongkai.Documents.Reports.ReportPdfWriter.Write(report));
            var (n, ok) = Compare(report, loaded.Report!, loaded.Check(), $"pdf #{i}");
            cells += n;
            recovered += ok;
        }

        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pdf {edition} with blank cells: {recovered}/{cells} cells recovered ({(double)recovered / cells:P2})"));
    }

    /// <summary>Cells of tables 二–四 compared through the JSON format: equal, or read as null with a diagnostic on the cell (or its row or table).</summary>
    internal static (long Cells, long Recovered) Compare(AnnualReport expected, AnnualReport actual, IReadOnlyList<Diagnostic> diagnostics, string what)
    {
        var want = Flatten(AnnualReportJson.Write(expected));
        var got = Flatten(AnnualReportJson.Write(actual));
        long cells = 0, recovered = 0;
        foreach (var (path, value) in want.Where(p => p.Key.StartsWith("proactive.", StringComparison.Ordinal) || p.Key.StartsWith("requests.", StringComparison.Ordinal) || p.Key.StartsWith("appeals.", StringComparison.Ordinal)))
        {
            cells++;
            var read = got.GetValueOrDefault(path);
            if (read == value)
            {
                recovered++;
                continue;
            }

            Assert.True(read is null, $"{what}: {path} read as {read}, printed {value ?? "blank"}");
            Assert.True(diagnostics.Any(d => d.Location.Cell is { } cell && path.StartsWith(cell, StringComparison.Ordinal)),
                $"{what}: {path} (printed {value}) read as blank with no diagnostic");
        }

        return (cells, recovered);
    }

    private static Dictionary<string, string?> Flatten(string json)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        void Walk(JsonElement e, string path)
        {
            if (e.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in e.EnumerateObject())
                {
                    Walk(p.Value, path.Length == 0 ? p.Name : $"{path}.{p.Name}");
                }
            }
            else
            {
                result[path] = e.ValueKind == JsonValueKind.Null ? null : e.ToString();
            }
        }

        using var doc = JsonDocument.Parse(json);
        Walk(doc.RootElement, "");
        return result;
    }
}
