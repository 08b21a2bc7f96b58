using System.Diagnostics;
using System.Globalization;

namespace Gongkai.Testing;

/// <summary>
/// Makes what a scanner gives back from a PDF: every page rasterised to grey (poppler's
/// <c>pdftoppm -gray</c>), optionally altered, and rebuilt as an image-only PDF (<c>img2pdf</c>) —
/// no text layer left. <c>GONGKAI_KEEP_SCANS=DIR</c> keeps a copy of each scan to look at.
/// </summary>
public static class ScannedPdf
{
    /// <param name="alterPage">Given each page as binary PGM, returns it changed (grain, tilt…); null keeps the pages as rendered.</param>
    public static byte[] Scan(byte[] pdf, int dpi, Func<byte[], byte[]>? alterPage = null, string name = "scan")
    {
        var dir = Directory.CreateTempSubdirectory("gongkai-scan-");
        try
        {
            var input = Path.Combine(dir.FullName, "in.pdf");
            File.WriteAllBytes(input, pdf);
            Run("pdftoppm", "-r", dpi.ToString(CultureInfo.InvariantCulture), "-gray", input, Path.Combine(dir.FullName, "page"));
            var pages = Directory.GetFiles(dir.FullName, "page-*.pgm").Order(StringComparer.Ordinal).ToArray();
            if (alterPage is not null)
            {
                foreach (var page in pages)
                {
                    File.WriteAllBytes(page, alterPage(File.ReadAllBytes(page)));
                }
            }

            var output = Path.Combine(dir.FullName, "scan.pdf");
            Run("img2pdf", ["--imgsize", $"{dpi}dpi", "-o", output, .. pages]);
            if (Environment.GetEnvironmentVariable("GONGKAI_KEEP_SCANS") is { Length: > 0 } keep)
            {
                Directory.CreateDirectory(keep);
                File.Copy(output, Path.Combine(keep, $"{name}-{Guid.NewGuid():N}.pdf"));
            }

            return File.ReadAllBytes(output);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>The pages of both PDFs, one after the other (poppler's <c>pdfunite</c>).</summary>
    public static byte[] Unite(byte[] first, byte[] second)
    {
        var dir = Directory.CreateTempSubdirectory("gongkai-unite-");
        try
        {
            var a = Path.Combine(dir.FullName, "a.pdf");
            var b = Path.Combine(dir.FullName, "b.pdf");
            File.WriteAllBytes(a, first);
            File.WriteAllBytes(b, second);
            var output = Path.Combine(dir.FullName, "ab.pdf");
            Run("pdfunite", a, b, output);
            return File.ReadAllBytes(output);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static void Run(string tool, params string[] args)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{tool} did not start");
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {error}");
        }
    }
}
