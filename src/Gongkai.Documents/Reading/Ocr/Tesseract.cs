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
    /// together: each row of images is laid out as one line, wide gaps between them, rows stacked.
    /// Numbers of one table row read better as a line of numbers than one by one (a lone digit is
    /// often dropped as noise).
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> EachText(IReadOnlyList<IReadOnlyList<GrayImage>> rows, string language, string? whitelist, string source)
    {
        var result = rows.Select(r => r.Select(_ => "").ToArray()).ToArray();
        var start = 0;
        while (start < rows.Count)
        {
            var (stack, slots, count) = Stack(rows, start);
            var words = Words(stack, language, 6, whitelist, source);
            var texts = slots.ToDictionary(s => (s.Row, s.Index), _ => new StringBuilder());
            foreach (var word in words)
            {
                var cy = word.Top + (word.Height / 2);
                var cx = word.Left + (word.Width / 2);
                var slot = slots.FirstOrDefault(s => cy >= s.Y0 && cy < s.Y1 && cx >= s.X0 && cx < s.X1);
                if (slot == default)
                {
                    continue;
                }

                var sb = texts[(slot.Row, slot.Index)];
                if (sb.Length > 0 && char.IsAsciiLetter(sb[^1]) && word.Text.Length > 0 && char.IsAsciiLetter(word.Text[0]))
                {
                    sb.Append(' ');
                }

                sb.Append(word.Text);
            }

            foreach (var ((row, index), sb) in texts)
            {
                result[row][index] = sb.ToString();
            }

            start += count;
        }

        return result;
    }

    /// <summary>
    /// The text of each image recognised on its own (one run for all of them, listed in a file):
    /// right for table cells read as one line each (<paramref name="psm"/> 7), where a stack would
    /// drop a lone digit as noise. Words map back by tesseract's page number.
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

    /// <summary>Rows from <paramref name="start"/> stacked top to bottom, as many as fit one stack; each slot's box includes half the gaps around it.</summary>
    private static (GrayImage Stack, List<(int Row, int Index, int X0, int Y0, int X1, int Y1)> Slots, int Count) Stack(IReadOnlyList<IReadOnlyList<GrayImage>> rows, int start)
    {
        const int margin = 32;
        const int gap = 64;
        var width = 0;
        var height = margin;
        var count = 0;
        for (var k = start; k < rows.Count; k++)
        {
            var rowHeight = rows[k].Count == 0 ? 0 : rows[k].Max(i => i.Height);
            var next = height + rowHeight + gap;
            if (count > 0 && next > MaxStackHeight)
            {
                break;
            }

            width = Math.Max(width, rows[k].Sum(i => i.Width + gap));
            height = next;
            count++;
        }

        var stack = new GrayImage(width + (2 * margin), height + margin);
        var slots = new List<(int Row, int Index, int X0, int Y0, int X1, int Y1)>();
        var y = margin;
        for (var k = start; k < start + count; k++)
        {
            var x = margin;
            var rowHeight = rows[k].Count == 0 ? 0 : rows[k].Max(i => i.Height);
            for (var i = 0; i < rows[k].Count; i++)
            {
                var image = rows[k][i];
                var top = y + ((rowHeight - image.Height) / 2);
                stack.Paste(image, x, top);
                slots.Add((k, i, x - (gap / 2), y - (gap / 2), x + image.Width + (gap / 2), y + rowHeight + (gap / 2)));
                x += image.Width + gap;
            }

            y += rowHeight + gap;
        }

        return (stack, slots, count);
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
