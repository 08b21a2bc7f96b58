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
        var counts = CountCells(report).ToArray();
        var scanned = ScannedCells(report, layout);

        // The rows of table 三 were written with their official labels when the scan showed the national layout,
        // and table 四 as its row of fifteen, so the text reader's cells should be the scan's. A table whose rows
        // could not be placed, or whose reading differs from the scan, is refused whole: a row put in another row's
        // place keeps every sum (rows of outcomes add up in any order).
        var refusedTables = new HashSet<string>(StringComparer.Ordinal);
        var reasons = new List<string>();
        void Check(string table, bool placed, string notPlaced, string differs)
        {
            if (!counts.Any(c => c.Table == table))
            {
                return;
            }

            var reason = !placed ? notPlaced
                : counts.Any(c => c.Table == table && scanned.TryGetValue(c.Path, out var cell) && c.Value != Printed(cell)) ? differs
                : null;
            if (reason is not null)
            {
                refusedTables.Add(table);
                reasons.Add(reason);
            }
        }

        Check("三", layout.Requests is not null,
            $"表三的扫描图像中找到 {layout.RequestRowCount} 行七列数字，不是全国统一格式的 23 行或 25 行，各行无法按位置确定，表三的数字均未采用",
            "表三按位置识别的数字与按行标题读出的不一致，各行无法确定，表三的数字均未采用");
        Check("四", layout.Appeals is not null, "表四的扫描图像中没有找到一行十五个单元格，表四的数字均未采用", "表四按位置识别的数字与读出的不一致，表四的数字均未采用");

        var read = counts.Where(c => c.Value is not null).ToDictionary(c => c.Path, c => (decimal)c.Value!.Value, StringComparer.Ordinal);
        var trusted = counts.Where(c => c.Value is not null && !refusedTables.Contains(c.Table)).ToDictionary(c => c.Path, c => (decimal)c.Value!.Value, StringComparer.Ordinal);
        var seen = scanned.Where(p => p.Value.Kind != OcrCellKind.Empty && Printed(p.Value) is null)
            .ToDictionary(p => p.Key, p => p.Value.Seen.Length > 0 ? p.Value.Seen : p.Value.Text, StringComparer.Ordinal);
        var candidates = seen.Keys.Select(path => (path, Readings: NumberReading.Readings(scanned[path].Seen).ToArray()))
            .Where(x => x.Readings.Length > 0).ToDictionary(x => x.path, x => (IReadOnlyList<decimal>)x.Readings, StringComparer.Ordinal);
        var result = OcrConfirmation.Confirm(trusted, candidates, Equations(report));
        var kept = 0;
        var refused = 0;
        foreach (var cell in counts)
        {
            if (result.Kept.TryGetValue(cell.Path, out var v))
            {
                kept++;
                cell.Set((int)v);
                continue;
            }

            cell.Set(null);
            if (read.TryGetValue(cell.Path, out var number))
            {
                refused++;
                unreadable[cell.Path] = $"扫描件经 OCR 读作「{number.ToString(CultureInfo.InvariantCulture)}」，勾稽关系不能核实，未采用";
            }
            else if (seen.TryGetValue(cell.Path, out var what))
            {
                refused++;
                unreadable[cell.Path] = $"扫描件经 OCR 无法确定：{what}";
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
            $"扫描件，经 OCR：第 {Pages(imagePages)} 页没有文字层，按图像识别；表三、表四 {kept} 个单元格经勾稽关系核实后采用，{refused} 个未能核实；表二 {proactive} 个单元格无勾稽关系可核实，未采用" + string.Concat(reasons.Select(r => "；" + r)),
            DiagnosticLocation.None));
        var context = new CheckContext { Lines = loaded.Context.Lines, UnreadableCells = unreadable };
        return loaded with { Report = report, Context = context, ReaderDiagnostics = diagnostics, Scanned = true };
    }

    /// <summary>A cell of table 三 or 四 in a row the report has: its value and how to replace it.</summary>
    private sealed record CountCell(string Table, string Path, int? Value, Action<int?> Set);

    private static IEnumerable<CountCell> CountCells(AnnualReport report)
    {
        if (report.Requests is { } r)
        {
            foreach (var row in r.Rows.Where(row => r[row] is not null))
            {
                foreach (var column in ApplicantColumns.All)
                {
                    yield return new CountCell("三", CellRef.Of(row, column).Path, r.Cell(row, column), v => r.SetCell(row, column, v));
                }
            }
        }

        if (report.Appeals is { } a)
        {
            foreach (var group in AppealTable.Groups.Where(g => a[g] is not null))
            {
                foreach (var column in AppealTable.Columns)
                {
                    yield return new CountCell("四", CellRef.Of(group, column).Path, a.Cell(group, column), v => a.SetCell(group, column, v));
                }
            }
        }
    }

    /// <summary>What the scan shows in each cell of table 三 (rows of the report's edition) and table 四 it could place, by path.</summary>
    private static Dictionary<string, OcrCell> ScannedCells(AnnualReport report, TableLayout layout)
    {
        var result = new Dictionary<string, OcrCell>(StringComparer.Ordinal);
        if (layout.Requests is { } rows && layout.RequestStructure is { } structure)
        {
            var structureRows = RequestTable.Rows(structure);
            for (var i = 0; i < structureRows.Count; i++)
            {
                if (RequestTable.Contains(report.Edition, structureRows[i]))
                {
                    foreach (var column in ApplicantColumns.All)
                    {
                        result[CellRef.Of(structureRows[i], column).Path] = rows[i][column.Index];
                    }
                }
            }
        }

        if (layout.Appeals is { } appeals)
        {
            foreach (var group in AppealTable.Groups)
            {
                foreach (var column in AppealTable.Columns)
                {
                    result[CellRef.Of(group, column).Path] = appeals[(group.Index * AppealTable.Columns.Count) + column.Index];
                }
            }
        }

        return result;
    }

    /// <summary>The number a cell holds when both readings agreed on it, else null (the reader was given a blank).</summary>
    private static int? Printed(OcrCell cell) =>
        cell.Kind == OcrCellKind.Number && int.TryParse(cell.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;

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
