using System.ComponentModel;
using System.Diagnostics;
using Gongkai.Documents.Reading.Text;

namespace Gongkai.Documents.Reading;

/// <summary>Reads a PDF report through poppler's <c>pdftotext -layout</c> (package poppler-utils).</summary>
public static class PdfReportReader
{
    public const string Tool = "pdftotext";
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Reads the text layer; pages without one (a scanned report, or a scanned page in it) are read
    /// by OCR (<see cref="Ocr.ScannedReportReader"/>).
    /// </summary>
    public static LoadedReport Read(byte[] pdf, string source)
    {
        var text = ToText(pdf, source);
        var pages = text.Split('\f');
        if (pages.Length > 1 && pages[^1].Trim().Length == 0)
        {
            pages = pages[..^1]; // pdftotext ends every page, the last one too, with a form feed
        }

        var imagePages = Ocr.ScannedReportReader.ImagePages(pages);
        return imagePages.Count == 0
            ? TextReportReader.Read(text, source, "pdf")
            : Ocr.ScannedReportReader.Read(pdf, source, pages, imagePages);
    }

    public static string ToText(byte[] pdf, string source)
    {
        var input = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(input, pdf);
            var info = new ProcessStartInfo(Tool)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = System.Text.Encoding.UTF8,
            };
            foreach (var arg in new[] { "-layout", "-enc", "UTF-8", input, "-" })
            {
                info.ArgumentList.Add(arg);
            }

            using var process = StartOrExplain(info, source);
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new ReportReadException(source, $"pdftotext 超过 {Timeout.TotalSeconds} 秒未完成");
            }

            if (process.ExitCode != 0)
            {
                var first = error.Result.Split('\n').FirstOrDefault(l => l.Trim().Length > 0)?.Trim();
                throw new ReportReadException(source, $"PDF 无法读取（pdftotext 退出码 {process.ExitCode}）：{first}");
            }

            return output.Result;
        }
        finally
        {
            File.Delete(input);
        }
    }

    private static Process StartOrExplain(ProcessStartInfo info, string source)
    {
        try
        {
            return Process.Start(info) ?? throw new ReportReadException(source, "无法启动 pdftotext");
        }
        catch (Win32Exception)
        {
            throw new ReportReadException(source, "读取 PDF 需要 poppler-utils 中的 pdftotext，请先安装：apt-get install poppler-utils");
        }
    }
}
