using System.Globalization;
using System.Text;

namespace Gongkai.Documents.Reading.Ocr;

/// <summary>
/// An 8-bit grayscale page image (0 black … 255 white), as poppler's <c>pdftoppm -gray</c> writes it
/// (binary PGM, "P5"). Only what reading a scanned report needs: paste, fill, rotate, enlarge, threshold, write PGM
/// for tesseract. No imaging library is involved — none that runs on Linux without native parts is
/// served here, and these few operations are small.
/// </summary>
public sealed class GrayImage
{
    public GrayImage(int width, int height, byte[]? pixels = null)
    {
        if (width <= 0 || height <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"An image is at least 1×1, not {width}×{height}.");
        }

        Width = width;
        Height = height;
        Pixels = pixels ?? Enumerable.Repeat((byte)255, width * height).ToArray();
        if (Pixels.Length != width * height)
        {
            throw new ArgumentException($"{width}×{height} needs {width * height} pixels, not {Pixels.Length}.", nameof(pixels));
        }
    }

    public int Width { get; }

    public int Height { get; }

    public byte[] Pixels { get; }

    public byte this[int x, int y]
    {
        get => Pixels[(y * Width) + x];
        set => Pixels[(y * Width) + x] = value;
    }

    /// <summary>Reads a binary PGM (P5, maxval ≤ 255).</summary>
    public static GrayImage ReadPgm(byte[] data)
    {
        var pos = 0;
        string Token()
        {
            while (pos < data.Length && (char.IsWhiteSpace((char)data[pos]) || data[pos] == '#'))
            {
                if (data[pos] == '#')
                {
                    while (pos < data.Length && data[pos] != '\n')
                    {
                        pos++;
                    }
                }
                else
                {
                    pos++;
                }
            }

            var start = pos;
            while (pos < data.Length && !char.IsWhiteSpace((char)data[pos]))
            {
                pos++;
            }

            return Encoding.ASCII.GetString(data, start, pos - start);
        }

        if (Token() != "P5")
        {
            throw new FormatException("Not a binary PGM image (P5).");
        }

        var width = int.Parse(Token(), CultureInfo.InvariantCulture);
        var height = int.Parse(Token(), CultureInfo.InvariantCulture);
        var max = int.Parse(Token(), CultureInfo.InvariantCulture);
        if (max is <= 0 or > 255)
        {
            throw new FormatException($"PGM maxval {max} is not supported (8-bit only).");
        }

        pos++; // the single whitespace after maxval
        if (data.Length - pos < width * height)
        {
            throw new FormatException($"PGM is truncated: {data.Length - pos} of {width * height} pixels.");
        }

        var pixels = new byte[width * height];
        Array.Copy(data, pos, pixels, 0, pixels.Length);
        if (max != 255)
        {
            for (var i = 0; i < pixels.Length; i++)
            {
                pixels[i] = (byte)(pixels[i] * 255 / max);
            }
        }

        return new GrayImage(width, height, pixels);
    }

    public byte[] ToPgm()
    {
        var header = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"P5\n{Width} {Height}\n255\n"));
        var result = new byte[header.Length + Pixels.Length];
        header.CopyTo(result, 0);
        Pixels.CopyTo(result, header.Length);
        return result;
    }

    /// <summary>Copies <paramref name="source"/> into this image with its top-left corner at (x, y).</summary>
    public void Paste(GrayImage source, int x, int y)
    {
        for (var row = 0; row < source.Height && y + row < Height; row++)
        {
            if (y + row < 0)
            {
                continue;
            }

            var w = Math.Min(source.Width, Width - x);
            if (w > 0 && x >= 0)
            {
                Array.Copy(source.Pixels, row * source.Width, Pixels, ((y + row) * Width) + x, w);
            }
        }
    }

    public void Fill(int x, int y, int width, int height, byte value)
    {
        for (var row = Math.Max(0, y); row < Math.Min(Height, y + height); row++)
        {
            for (var col = Math.Max(0, x); col < Math.Min(Width, x + width); col++)
            {
                Pixels[(row * Width) + col] = value;
            }
        }
    }

    /// <summary>Rotated by <paramref name="degrees"/> (counter-clockwise positive, as on screen with y down: clockwise) about the centre, bilinear, white outside.</summary>
    public GrayImage Rotate(double degrees)
    {
        var result = new GrayImage(Width, Height);
        var (sin, cos) = Math.SinCos(degrees * Math.PI / 180);
        var cx = Width / 2.0;
        var cy = Height / 2.0;
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                // Inverse mapping: where in the source does this target pixel come from.
                var dx = x - cx;
                var dy = y - cy;
                var sx = (cos * dx) + (sin * dy) + cx;
                var sy = (-sin * dx) + (cos * dy) + cy;
                result.Pixels[(y * Width) + x] = Sample(sx, sy);
            }
        }

        return result;
    }

    /// <summary>Enlarged by a whole factor (bilinear).</summary>
    public GrayImage Scale(int factor)
    {
        if (factor <= 1)
        {
            return this;
        }

        var result = new GrayImage(Width * factor, Height * factor);
        for (var y = 0; y < result.Height; y++)
        {
            for (var x = 0; x < result.Width; x++)
            {
                result.Pixels[(y * result.Width) + x] = Sample(Math.Min(Width - 1.001, (x + 0.5) / factor - 0.5), Math.Min(Height - 1.001, (y + 0.5) / factor - 0.5), edge: true);
            }
        }

        return result;
    }

    private byte Sample(double x, double y, bool edge = false)
    {
        if (edge)
        {
            x = Math.Clamp(x, 0, Math.Max(0, Width - 1.001));
            y = Math.Clamp(y, 0, Math.Max(0, Height - 1.001));
            if (Width == 1 || Height == 1)
            {
                return Pixels[((int)y * Width) + (int)x];
            }
        }

        var x0 = (int)Math.Floor(x);
        var y0 = (int)Math.Floor(y);
        if (x0 < 0 || y0 < 0 || x0 + 1 >= Width || y0 + 1 >= Height)
        {
            return 255;
        }

        var fx = x - x0;
        var fy = y - y0;
        var i = (y0 * Width) + x0;
        var top = (Pixels[i] * (1 - fx)) + (Pixels[i + 1] * fx);
        var bottom = (Pixels[i + Width] * (1 - fx)) + (Pixels[i + Width + 1] * fx);
        return (byte)Math.Round((top * (1 - fy)) + (bottom * fy));
    }

    /// <summary>Otsu's threshold over the histogram: the gray level that best separates ink from paper.</summary>
    public byte OtsuThreshold()
    {
        var histogram = new long[256];
        foreach (var p in Pixels)
        {
            histogram[p]++;
        }

        long total = Pixels.Length;
        double sumAll = 0;
        for (var i = 0; i < 256; i++)
        {
            sumAll += i * (double)histogram[i];
        }

        double sumBack = 0, best = -1;
        long weightBack = 0;
        var threshold = 128;
        for (var t = 0; t < 256; t++)
        {
            weightBack += histogram[t];
            if (weightBack == 0)
            {
                continue;
            }

            var weightFore = total - weightBack;
            if (weightFore == 0)
            {
                break;
            }

            sumBack += t * (double)histogram[t];
            var meanBack = sumBack / weightBack;
            var meanFore = (sumAll - sumBack) / weightFore;
            var between = (double)weightBack * weightFore * (meanBack - meanFore) * (meanBack - meanFore);
            if (between > best)
            {
                best = between;
                threshold = t;
            }
        }

        return (byte)threshold;
    }
}
