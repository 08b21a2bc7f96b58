using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Gongkai.Documents.Reading.Ocr;

/// <summary>One word tesseract recognised, with its box on the image it was given.</summary>
public sealed record OcrWord(int Block, int Paragraph, int Line, int Left, int Top, int Width, int Height, double Confidence, string Text);

/// <summary>
/// Runs the tesseract command (Debian <c>tesseract-ocr</c>; Chinese needs <c>tesseract-ocr-chi-sim</c>)
/// and reads its TSV output. Many small images (table cells) are recognised in one run: they are
/// stacked on one tall image with wide white gaps, and each word goes back to the image its box
/// lies in — one process and one model load per page instead of one per cell.
/// </summary>
public static class Tesseract
{
    public const string Tool = "tesseract";

    /// <summary>Simplified Chinese (its model also reads digits and Latin letters).</summary>
    public const string Chinese = "chi_sim";

    /// <summary>The Latin model, used with a whitelist as the second, independent reading of numbers.</summary>
    public const string Latin = "eng";

    public const string DigitWhitelist = "0123456789.,";

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <summary>Tallest stacked image handed to one run (tesseract and Leptonica cope with far more; this keeps memory flat).</summary>
    private const int MaxStackHeight = 12_000;

    /// <summary>Words on one image, in tesseract's reading order. <paramref name="psm"/> is its page segmentation mode.</summary>
    public static IReadOnlyList<OcrWord> Words(GrayImage image, string language, int psm, string? whitelist, string source)
    {
        var input = Path.Combine(Path.GetTempPath(), $"gongkai-ocr-{Guid.NewGuid():N}.pgm");
        try
        {
            File.WriteAllBytes(input, image.ToPgm());
            return Run(input, language, psm, whitelist, source).Select(w => w.Word).ToArray();
        }
        finally
        {
            File.Delete(input);
        }
    }

    /// <summary>Runs tesseract on an image, or on a file listing images (one per line), and returns the words with their page numbers.</summary>
    private static IReadOnlyList<(int Page, OcrWord Word)> Run(string input, string language, int psm, string? whitelist, string source)
    {
        var info = new ProcessStartInfo(Tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        // One thread per run: pages are read in parallel, and OpenMP threads inside each run only contend.
        info.Environment["OMP_THREAD_LIMIT"] = "1";
        foreach (var arg in new[] { input, "stdout", "-l", language, "--psm", psm.ToString(CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(arg);
        }

        if (whitelist is not null)
        {
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add($"tessedit_char_whitelist={whitelist}");
        }

        info.ArgumentList.Add("tsv");
        using var process = Start(info, source);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new ReportReadException(source, $"tesseract 超过 {Timeout.TotalSeconds} 秒未完成");
        }

        if (process.ExitCode != 0)
        {
            var message = error.Result;
            if (message.Contains("Failed loading language", StringComparison.Ordinal))
            {
                throw new ReportReadException(source, $"读取扫描件需要 tesseract 的「{language}」语言包，请先安装：apt-get install tesseract-ocr-{language.Replace('_', '-')}");
            }

            var first = message.Split('\n').FirstOrDefault(l => l.Trim().Length > 0)?.Trim();
            throw new ReportReadException(source, $"扫描件无法识别（tesseract 退出码 {process.ExitCode}）：{first}");
        }

        return ParseTsv(output.Result);
    }

    /// <summary>
    /// The text of each image (words joined; a space only between two Latin words), recognised
    /// together in one run: the images are stacked top to bottom with wide white gaps, and each
    /// word goes back to the image its box lies in. Right for labels and headers; a lone digit is
    /// often dropped as noise here, which is why numbers are read again with <see cref="EachImage"/>.
    /// </summary>
    public static IReadOnlyList<string> EachText(IReadOnlyList<GrayImage> images, string language, string? whitelist, string source)
    {
        var result = new string[images.Count];
        var start = 0;
        while (start < images.Count)
        {
            var (stack, slots) = Stack(images, start);
            var texts = slots.Select(_ => new StringBuilder()).ToArray();
            foreach (var word in Words(stack, language, 6, whitelist, source))
            {
                var centre = word.Top + (word.Height / 2);
                var slot = Array.FindIndex(slots, s => centre >= s.From && centre < s.To);
                if (slot < 0)
                {
                    continue;
                }

                var sb = texts[slot];
                if (sb.Length > 0 && char.IsAsciiLetter(sb[^1]) && word.Text.Length > 0 && char.IsAsciiLetter(word.Text[0]))
                {
                    sb.Append(' ');
                }

                sb.Append(word.Text);
            }

            for (var k = 0; k < slots.Length; k++)
            {
                result[start + k] = texts[k].ToString();
            }

            start += slots.Length;
        }

        return result;
    }

    /// <summary>
    /// The text of each image recognised on its own (one run for all of them, listed in a file):
    /// right for table cells read as a raw line (<paramref name="psm"/> 13) or a single word (8),
    /// where a stack would drop a lone digit as noise. Words map back by tesseract's page number.
    /// </summary>
    public static IReadOnlyList<string> EachImage(IReadOnlyList<GrayImage> images, string language, int psm, string? whitelist, string source)
    {
        var result = new string[images.Count];
        Array.Fill(result, "");
        if (images.Count == 0)
        {
            return result;
        }

        var dir = Directory.CreateTempSubdirectory("gongkai-ocr-");
        try
        {
            var list = new StringBuilder();
            for (var k = 0; k < images.Count; k++)
            {
                var path = Path.Combine(dir.FullName, string.Create(CultureInfo.InvariantCulture, $"{k:D5}.pgm"));
                File.WriteAllBytes(path, images[k].ToPgm());
                list.Append(path).Append('\n');
            }

            var listPath = Path.Combine(dir.FullName, "images.txt");
            File.WriteAllText(listPath, list.ToString());
            var texts = images.Select(_ => new StringBuilder()).ToArray();
            foreach (var (page, word) in Run(listPath, language, psm, whitelist, source))
            {
                if (page >= 1 && page <= texts.Length)
                {
                    texts[page - 1].Append(word.Text);
                }
            }

            for (var k = 0; k < texts.Length; k++)
            {
                result[k] = texts[k].ToString();
            }

            return result;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Images from <paramref name="start"/> stacked top to bottom, as many as fit one stack; each slot's band includes half the gaps around it.</summary>
    private static (GrayImage Stack, (int From, int To)[] Slots) Stack(IReadOnlyList<GrayImage> images, int start)
    {
        const int margin = 32;
        const int gap = 64;
        var width = 0;
        var height = margin;
        var count = 0;
        for (var k = start; k < images.Count; k++)
        {
            var next = height + images[k].Height + gap;
            if (count > 0 && next > MaxStackHeight)
            {
                break;
            }

            width = Math.Max(width, images[k].Width);
            height = next;
            count++;
        }

        var stack = new GrayImage(width + (2 * margin), height + margin);
        var slots = new (int From, int To)[count];
        var y = margin;
        for (var k = 0; k < count; k++)
        {
            var image = images[start + k];
            stack.Paste(image, margin, y);
            slots[k] = (y - (gap / 2), y + image.Height + (gap / 2));
            y += image.Height + gap;
        }

        return (stack, slots);
    }

    internal static IReadOnlyList<(int Page, OcrWord Word)> ParseTsv(string tsv)
    {
        var words = new List<(int, OcrWord)>();
        foreach (var line in tsv.Split('\n'))
        {
            var f = line.TrimEnd('\r').Split('\t');
            if (f.Length < 12 || f[0] != "5")
            {
                continue;
            }

            var text = f[11].Trim();
            if (text.Length == 0)
            {
                continue;
            }

            int I(int k) => int.Parse(f[k], CultureInfo.InvariantCulture);
            words.Add((I(1), new OcrWord(I(2), I(3), I(4), I(6), I(7), I(8), I(9), double.Parse(f[10], CultureInfo.InvariantCulture), text)));
        }

        return words;
    }

    private static Process Start(ProcessStartInfo info, string source)
    {
        try
        {
            return Process.Start(info) ?? throw new ReportReadException(source, "无法启动 tesseract");
        }
        catch (Win32Exception)
        {
            throw new ReportReadException(source, "读取扫描件（无文字层的 PDF）需要 tesseract，请先安装：apt-get install tesseract-ocr tesseract-ocr-chi-sim");
        }
    }
}
