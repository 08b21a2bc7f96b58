using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Rules;
using Gongkai.Core.Statute;
using Gongkai.Documents.Reading.Text;

namespace Gongkai.Documents.Reading.Ocr;

/// <summary>
/// Reads a PDF whose pages (some or all) have no text layer — a report printed, stamped and
/// scanned. Each such page is rasterised (<c>pdftoppm -r 300 -gray</c>), its tables located from
/// the image (<see cref="PageLayout"/>) and read by tesseract (<see cref="ScannedPage"/>); pages
/// with text keep <c>pdftotext</c>'s. The whole is written out as the text readers' input (table
/// rows tab-separated, as the HTML reader does), so editions, headings and narrative are read as
/// in every other form. Then the numbers are judged by the table arithmetic alone
/// (<see cref="OcrConfirmation"/>): a cell of table 三 or 四 is kept only when its equations
/// confirm it, otherwise it is an <c>unreadable-cell</c> with what OCR saw; table 二 has no
/// arithmetic within one report, so its cells are never kept from OCR. Table 三's rows are placed
/// by position when the scan shows the national layout's 23 or 25 rows of seven numbers — more
/// reliable than OCR of its long labels — and table 四 is its one row of fifteen.
/// </summary>
public static class ScannedReportReader
{
    /// <summary>A page with fewer visible characters than this in its text layer is read as an image.</summary>
    public const int MinTextCharacters = 20;

    /// <summary>The pages (1-based) whose text layer is (nearly) empty, from <c>pdftotext</c>'s page-separated output.</summary>
    public static IReadOnlyList<int> ImagePages(IReadOnlyList<string> pages) =>
        Enumerable.Range(0, pages.Count).Where(i => pages[i].Count(ch => !char.IsWhiteSpace(ch)) < MinTextCharacters).Select(i => i + 1).ToArray();

    public static LoadedReport Read(byte[] pdf, string source, IReadOnlyList<string> pageTexts, IReadOnlyList<int> imagePages)
    {
        var ocr = new Dictionary<int, IReadOnlyList<OcrBlock>>();
        var input = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(input, pdf);
            var read = new IReadOnlyList<OcrBlock>[imagePages.Count];
            Parallel.For(0, imagePages.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) },
                k => read[k] = ScannedPage.Read(Rasterise(input, imagePages[k], source), source));
            for (var k = 0; k < imagePages.Count; k++)
            {
                ocr[imagePages[k]] = read[k];
            }
        }
        catch (AggregateException e) when (e.InnerException is ReportReadException inner)
        {
            throw inner;
        }
        finally
        {
            File.Delete(input);
        }

        var layout = TableLayout.Find(ocr.OrderBy(p => p.Key).SelectMany(p => p.Value.OfType<OcrTableBlock>()));
        var text = new StringBuilder();
        for (var page = 1; page <= pageTexts.Count; page++)
        {
            if (page > 1)
            {
                text.Append('\f');
            }

            if (ocr.TryGetValue(page, out var blocks))
            {
                foreach (var block in blocks)
                {
                    Write(text, block, layout);
                }
            }
            else
            {
                text.Append(pageTexts[page - 1]);
            }
        }

        var loaded = TextReportReader.Read(text.ToString(), source, "pdf");
        return Judge(loaded, layout, imagePages);
    }

    private static void Write(StringBuilder text, OcrBlock block, TableLayout layout)
    {
        switch (block)
        {
            case OcrTextBlock t:
                foreach (var line in t.Lines)
                {
                    text.Append(line).Append('\n');
                }

                break;
            case OcrTableBlock table:
                foreach (var band in table.Bands.Where(b => !layout.IsBetweenRows(b)))
                {
                    text.Append(layout.LineFor(band) ?? Line(band)).Append('\n');
                }

                break;
        }
    }

    /// <summary>A band as a tab-separated row: pieces of merged cells that hold no ink before the first text are left out, as an HTML row leaves them out.</summary>
    private static string Line(IReadOnlyList<OcrCell> band)
    {
        var cells = band.SkipWhile(c => c.Kind == OcrCellKind.Empty).Select(c => c.Kind == OcrCellKind.Empty ? "" : c.Text);
        return string.Join('\t', cells);
    }

    private static GrayImage Rasterise(string pdf, int page, string source)
    {
        var prefix = Path.Combine(Path.GetTempPath(), $"gongkai-page-{Guid.NewGuid():N}");
        var info = new ProcessStartInfo("pdftoppm") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-r", ScannedPage.Dpi.ToString(CultureInfo.InvariantCulture), "-gray", "-f", P(page), "-l", P(page), "-singlefile", pdf, prefix })
        {
            info.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(info) ?? throw new ReportReadException(source, "无法启动 pdftoppm");
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(PdfReportReader.Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new ReportReadException(source, $"pdftoppm 第 {page} 页超过 {PdfReportReader.Timeout.TotalSeconds} 秒未完成");
            }

            if (process.ExitCode != 0)
            {
                throw new ReportReadException(source, $"第 {page} 页无法转为图像（pdftoppm 退出码 {process.ExitCode}）：{error.Result.Trim()}");
            }

            return GrayImage.ReadPgm(File.ReadAllBytes(prefix + ".pgm"));
        }
        catch (Win32Exception)
        {
            throw new ReportReadException(source, "读取扫描件需要 poppler-utils 中的 pdftoppm，请先安装：apt-get install poppler-utils");
        }
        finally
        {
            File.Delete(prefix + ".pgm");
        }
    }

    private static string P(int page) => page.ToString(CultureInfo.InvariantCulture);

    /// <summary>Keeps the numbers the arithmetic confirms, turns the rest into unreadable cells, and says the report was scanned.</summary>
    private static LoadedReport Judge(LoadedReport loaded, TableLayout layout, IReadOnlyList<int> imagePages)
    {
        if (loaded.Report is not { } report)
        {
            return loaded with { Scanned = true };
        }

        if (!layout.HasTables)
        {
            // Only pages without tables were scanned (often a last page with the seal): the tables came from the text layer.
            var note = new Diagnostic(ReaderCodes.ScannedOcr, Severity.Info, $"第 {Pages(imagePages)} 页没有文字层，已按图像识别其文字（其中没有表格）", DiagnosticLocation.None);
            return loaded with { ReaderDiagnostics = [note, .. loaded.ReaderDiagnostics], Scanned = true };
        }

        var unreadable = loaded.Context.UnreadableCells.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var diagnostics = loaded.ReaderDiagnostics.ToList();
        var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var candidates = new Dictionary<string, IReadOnlyList<decimal>>(StringComparer.Ordinal);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);

        // Table 三: the rows were written with their official labels when the scan showed the national
        // layout, so the text reader's rows are right; what OCR saw in cells left blank comes from the
        // scan by row key. Without that layout the rows could only be told apart by OCR of their labels,
        // and a row put in another row's place keeps every sum (rows of outcomes add up in any order):
        // nothing of the table is kept.
        var refusedTables = new List<string>();
        var mismatch = false;
        var forceRefuseRequests = false;
        var refuseAppeals = false;
        if (report.Requests is { } requests)
        {
            if (layout.Requests is { } rows && layout.RequestStructure is { } structure)
            {
                var structureRows = RequestTable.Rows(structure);
                for (var i = 0; i < structureRows.Count; i++)
                {
                    if (!RequestTable.Contains(report.Edition, structureRows[i]))
                    {
                        continue;
                    }

                    foreach (var column in ApplicantColumns.All)
                    {
                        var path = CellRef.Of(structureRows[i], column).Path;
                        Collect(path, rows[i][column.Index], candidates, seen);
                        var cell = rows[i][column.Index];
                        var printed = cell.Kind == OcrCellKind.Number ? decimal.Parse(cell.Text, CultureInfo.InvariantCulture) : (decimal?)null;
                        if (requests.Cell(structureRows[i], column) != printed)
                        {
                            mismatch = true; // the reader put a number elsewhere than the scan shows it: trust neither
                        }
                    }
                }

                if (mismatch)
                {
                    refusedTables.Add("表三按位置识别的数字与按行标题读出的不一致，各行无法确定，表三的数字均未采用");
                    forceRefuseRequests = true;
                }
            }
            else
            {
                refusedTables.Add($"表三的扫描图像中找到 {layout.RequestRowCount} 行七列数字，不是全国统一格式的 23 行或 25 行，各行无法按位置确定，表三的数字均未采用");
            }

            foreach (var row in requests.Rows)
            {
                foreach (var column in ApplicantColumns.All)
                {
                    if (requests.Cell(row, column) is { } v)
                    {
                        values[CellRef.Of(row, column).Path] = v;
                    }
                }
            }
        }

        if (report.Appeals is { } appeals)
        {
            if (layout.Appeals is { } appealCells)
            {
                foreach (var group in AppealTable.Groups)
                {
                    foreach (var column in AppealTable.Columns)
                    {
                        var cell = appealCells[(group.Index * AppealTable.Columns.Count) + column.Index];
                        Collect(CellRef.Of(group, column).Path, cell, candidates, seen);
                        if (appeals.Cell(group, column) != (cell.Kind == OcrCellKind.Number ? decimal.Parse(cell.Text, CultureInfo.InvariantCulture) : null))
                        {
                            refuseAppeals = true;
                        }
                    }
                }

                if (refuseAppeals)
                {
                    refusedTables.Add("表四按位置识别的数字与读出的不一致，表四的数字均未采用");
                }
            }
            else
            {
                refusedTables.Add("表四的扫描图像中没有找到一行十五个单元格，表四的数字均未采用");
            }

            foreach (var group in AppealTable.Groups)
            {
                foreach (var column in AppealTable.Columns)
                {
                    if (appeals.Cell(group, column) is { } v)
                    {
                        values[CellRef.Of(group, column).Path] = v;
                    }
                }
            }
        }

        var trusted = values.Where(p => !(refusedTables.Count > 0 && Refused(p.Key, layout, forceRefuseRequests, refuseAppeals))).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var result = OcrConfirmation.Confirm(trusted, candidates, Equations(report));
        var kept = 0;
        var refused = 0;
        if (report.Requests is { } r)
        {
            foreach (var row in r.Rows)
            {
                if (r[row] is null)
                {
                    continue;
                }

                foreach (var column in ApplicantColumns.All)
                {
                    var path = CellRef.Of(row, column).Path;
                    r.SetCell(row, column, Apply(path, result, values, seen, unreadable, ref kept, ref refused) is { } v ? (int)v : null);
                }
            }
        }

        if (report.Appeals is { } a)
        {
            foreach (var group in AppealTable.Groups)
            {
                if (a[group] is null)
                {
                    continue;
                }

                foreach (var column in AppealTable.Columns)
                {
                    var path = CellRef.Of(group, column).Path;
                    a.SetCell(group, column, Apply(path, result, values, seen, unreadable, ref kept, ref refused) is { } v ? (int)v : null);
                }
            }
        }

        var proactive = 0;
        if (report.Proactive is { } p)
        {
            foreach (var row in p.Rows)
            {
                if (p[row] is not { } cells)
                {
                    continue;
                }

                for (var i = 0; i < cells.Length; i++)
                {
                    if (cells[i] is { } v)
                    {
                        unreadable[CellRef.Of(row, row.Columns[i].Key).Path] =
                            $"扫描件经 OCR 读作「{v.ToString(CultureInfo.InvariantCulture)}」，表二各项之间没有勾稽关系可以核实，未采用，请对照原件填写";
                        cells[i] = null;
                        proactive++;
                    }
                }
            }
        }

        diagnostics.Insert(0, new Diagnostic(ReaderCodes.ScannedOcr, Severity.Info,
            $"扫描件，经 OCR：第 {Pages(imagePages)} 页没有文字层，按图像识别；表三、表四 {kept} 个单元格经勾稽关系核实后采用，{refused} 个未能核实；表二 {proactive} 个单元格无勾稽关系可核实，未采用" + string.Concat(refusedTables.Select(r => "；" + r)),
            DiagnosticLocation.None));
        var context = new CheckContext { Lines = loaded.Context.Lines, UnreadableCells = unreadable };
        return loaded with { Report = report, Context = context, ReaderDiagnostics = diagnostics, Scanned = true };
    }

    private static decimal? Apply(string path, OcrConfirmation.Result result, Dictionary<string, decimal> values, Dictionary<string, string> seen,
        Dictionary<string, string> unreadable, ref int kept, ref int refused)
    {
        if (result.Kept.TryGetValue(path, out var v))
        {
            kept++;
            return v;
        }

        if (values.TryGetValue(path, out var read))
        {
            refused++;
            unreadable[path] = $"扫描件经 OCR 读作「{read.ToString(CultureInfo.InvariantCulture)}」，勾稽关系不能核实，未采用";
        }
        else if (seen.TryGetValue(path, out var what))
        {
            refused++;
            unreadable[path] = $"扫描件经 OCR 无法确定：{what}";
        }

        return null;
    }

    /// <summary>What OCR saw in a cell it could not settle (the cell is blank in the text given to the reader).</summary>
    private static void Collect(string path, OcrCell cell, Dictionary<string, IReadOnlyList<decimal>> candidates, Dictionary<string, string> seen)
    {
        switch (cell.Kind)
        {
            case OcrCellKind.Number:
                break;
            case OcrCellKind.Unsure or OcrCellKind.Text:
                seen[path] = cell.Seen.Length > 0 ? cell.Seen : cell.Text;
                var readings = NumberReading.Readings(cell.Seen).ToArray();
                if (readings.Length > 0)
                {
                    candidates[path] = readings;
                }

                break;
            case OcrCellKind.Empty:
                break;
        }
    }

    /// <summary>Whether the cell belongs to a table whose rows the scan could not place.</summary>
    private static bool Refused(string path, TableLayout layout, bool refuseRequests, bool refuseAppeals) =>
        (path.StartsWith(CellRef.Requests + ".", StringComparison.Ordinal) && (layout.Requests is null || refuseRequests))
        || (path.StartsWith(CellRef.Appeals + ".", StringComparison.Ordinal) && (layout.Appeals is null || refuseAppeals));

    /// <summary>The equations of tables 三 and 四 in the report's edition (<see cref="TableArithmetic"/> states the same rules cell by cell).</summary>
    public static IReadOnlyList<CellEquation> Equations(AnnualReport report)
    {
        var equations = new List<CellEquation>();
        if (report.Requests is { } r)
        {
            var rows = r.Rows;
            string P(RequestRow row, ApplicantColumn c) => CellRef.Of(row, c).Path;
            var parts = ApplicantColumns.All.Take(ApplicantColumns.Count - 1).ToArray();
            var total = ApplicantColumns.All[^1];
            foreach (var row in rows)
            {
                equations.Add(new CellEquation(parts.Select(c => P(row, c)).ToArray(), [P(row, total)]));
            }

            var outcomes = rows.Where(x => x.Kind == RequestRowKind.Outcome).ToArray();
            var sum = rows.Single(x => x.Kind == RequestRowKind.Total);
            var received = rows.Single(x => x.Kind == RequestRowKind.Received);
            var carriedOver = rows.Single(x => x.Kind == RequestRowKind.CarriedOver);
            var carriedForward = rows.Single(x => x.Kind == RequestRowKind.CarriedForward);
            foreach (var c in ApplicantColumns.All)
            {
                equations.Add(new CellEquation(outcomes.Select(o => P(o, c)).ToArray(), [P(sum, c)]));
                equations.Add(new CellEquation([P(received, c), P(carriedOver, c)], [P(sum, c), P(carriedForward, c)]));
            }
        }

        if (report.Appeals is not null)
        {
            foreach (var group in AppealTable.Groups)
            {
                equations.Add(new CellEquation(AppealTable.Parts.Select(c => CellRef.Of(group, c).Path).ToArray(), [CellRef.Of(group, AppealTable.Total).Path]));
            }
        }

        return equations;
    }

    private static string Pages(IReadOnlyList<int> pages) =>
        pages.Count == 1 ? P(pages[0]) : IsRange(pages) ? $"{pages[0]}–{pages[^1]}" : string.Join("、", pages);

    private static bool IsRange(IReadOnlyList<int> pages) => pages.Zip(pages.Skip(1)).All(p => p.Second == p.First + 1);
}
