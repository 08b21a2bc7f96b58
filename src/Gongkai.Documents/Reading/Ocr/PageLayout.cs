namespace Gongkai.Documents.Reading.Ocr;

/// <summary>The inside of one table cell on the page image (borders excluded).</summary>
public sealed record LayoutCell(int X0, int Y0, int X1, int Y1)
{
    public int Width => X1 - X0;

    public int Height => Y1 - Y0;
}

/// <summary>A horizontal strip of a table between two ruling lines, cut into cells by the vertical borders crossing it.</summary>
public sealed record LayoutBand(int Y0, int Y1, IReadOnlyList<LayoutCell> Cells);

/// <summary>A ruled table: its outline and its bands top to bottom.</summary>
public sealed record LayoutTable(int X0, int Y0, int X1, int Y1, IReadOnlyList<LayoutBand> Bands);

/// <summary>
/// Where the tables are on a scanned page, found from the image alone: the page is straightened
/// (the skew of its ruling lines and text lines), horizontal ruling lines are long thin runs of
/// ink, and each strip between two of them is cut where a vertical border crosses it from line to
/// line. A rowspan cell therefore appears as a piece in each band it covers, which is how the text
/// readers see merged cells too.
/// </summary>
public sealed class PageLayout
{
    private readonly bool[] _dark;

    private PageLayout(GrayImage image, double skew, bool[] dark, IReadOnlyList<LayoutTable> tables)
    {
        Image = image;
        Skew = skew;
        _dark = dark;
        Tables = tables;
    }

    /// <summary>The straightened page.</summary>
    public GrayImage Image { get; }

    /// <summary>The skew that was removed, in degrees.</summary>
    public double Skew { get; }

    /// <summary>Tables top to bottom.</summary>
    public IReadOnlyList<LayoutTable> Tables { get; }

    /// <summary>The largest skew looked for; a page scanned more crooked than this is read as it is.</summary>
    public const double MaxSkewDegrees = 3.0;

    public static PageLayout Analyse(GrayImage page, int dpi)
    {
        var threshold = Math.Clamp(page.OtsuThreshold(), (byte)90, (byte)200);
        var skew = EstimateSkew(page, threshold);
        var image = Math.Abs(skew) >= 0.05 ? page.Rotate(-skew) : page;
        var scale = dpi / 300.0;
        var dark = Clean(image, threshold, scale);
        // Ruling lines are looked for in masks of their own: averaged along the line's direction (grain
        // cancels out, a line keeps its darkness) and cut a little lighter than ink, so a thin line
        // greyed by rotation or a poor scan is still whole.
        var lineThreshold = (byte)(threshold + ((255 - threshold) / 4)); // a little lighter than ink, darker than a shaded header
        var horizontal = Smoothed(image, lineThreshold, alongX: true);
        var vertical = Smoothed(image, lineThreshold, alongX: false);
        var lines = HorizontalLines(horizontal, image.Width, image.Height, scale);
        var tables = FindTables(vertical, image.Width, image.Height, lines, scale);
        return new PageLayout(image, skew, dark, tables);
    }

    /// <summary>The bounding box of the ink inside a cell, or null when the cell is empty (a few specks do not count).</summary>
    public LayoutCell? Ink(LayoutCell cell, int minPixels)
    {
        int x0 = int.MaxValue, y0 = int.MaxValue, x1 = -1, y1 = -1, count = 0;
        for (var y = cell.Y0; y < cell.Y1; y++)
        {
            for (var x = cell.X0; x < cell.X1; x++)
            {
                if (_dark[(y * Image.Width) + x])
                {
                    count++;
                    x0 = Math.Min(x0, x);
                    x1 = Math.Max(x1, x);
                    y0 = Math.Min(y0, y);
                    y1 = Math.Max(y1, y);
                }
            }
        }

        return count < minPixels ? null : new LayoutCell(x0, y0, x1 + 1, y1 + 1);
    }

    /// <summary>
    /// The angle whose projection makes the rows of ink sharpest (sum of squared row counts), coarse
    /// then fine. Ruling lines and text baselines both vote.
    /// </summary>
    internal static double EstimateSkew(GrayImage page, byte threshold)
    {
        var xs = new List<int>();
        var ys = new List<int>();
        // Every row (sampling rows would favour 0°, where all samples fall in every other bin), every third column.
        for (var y = 0; y < page.Height; y++)
        {
            for (var x = 0; x < page.Width; x += 3)
            {
                if (page.Pixels[(y * page.Width) + x] < threshold)
                {
                    xs.Add(x);
                    ys.Add(y);
                }
            }
        }

        if (xs.Count < 100)
        {
            return 0;
        }

        var bins = new long[page.Height + (2 * page.Width) + 2];
        double Score(double degrees)
        {
            Array.Clear(bins);
            var t = Math.Tan(degrees * Math.PI / 180);
            var offset = page.Width;
            for (var i = 0; i < xs.Count; i++)
            {
                var b = (int)Math.Round(ys[i] - (xs[i] * t)) + offset;
                if ((uint)b < (uint)bins.Length)
                {
                    bins[b]++;
                }
            }

            double score = 0;
            foreach (var c in bins)
            {
                score += (double)c * c;
            }

            return score;
        }

        double Best(double from, double to, double step)
        {
            double best = 0, bestScore = double.MinValue;
            for (var a = from; a <= to + (step / 2); a += step)
            {
                var s = Score(a);
                if (s > bestScore)
                {
                    bestScore = s;
                    best = a;
                }
            }

            return best;
        }

        var coarse = Best(-MaxSkewDegrees, MaxSkewDegrees, 0.2);
        return Math.Round(Best(coarse - 0.2, coarse + 0.2, 0.02), 2);
    }

    /// <summary>
    /// Ink pixels without specks: connected groups of dark pixels smaller than a printed full stop
    /// are dust or scanner noise and are dropped (a full stop at 300 dpi is about 6×6 pixels).
    /// </summary>
    private static bool[] Clean(GrayImage image, byte threshold, double scale)
    {
        var w = image.Width;
        var h = image.Height;
        var dark = new bool[w * h];
        for (var i = 0; i < dark.Length; i++)
        {
            dark[i] = image.Pixels[i] < threshold;
        }

        var minArea = Math.Max(2, (int)(20 * scale * scale));
        var seen = new bool[w * h];
        var stack = new Stack<int>();
        var component = new List<int>();
        for (var start = 0; start < dark.Length; start++)
        {
            if (!dark[start] || seen[start])
            {
                continue;
            }

            component.Clear();
            stack.Push(start);
            seen[start] = true;
            while (stack.Count > 0)
            {
                var i = stack.Pop();
                component.Add(i);
                var x = i % w;
                var y = i / w;
                for (var dy = -1; dy <= 1; dy++)
                {
                    for (var dx = -1; dx <= 1; dx++)
                    {
                        var nx = x + dx;
                        var ny = y + dy;
                        if ((uint)nx < (uint)w && (uint)ny < (uint)h)
                        {
                            var n = (ny * w) + nx;
                            if (dark[n] && !seen[n])
                            {
                                seen[n] = true;
                                stack.Push(n);
                            }
                        }
                    }
                }
            }

            if (component.Count < minArea)
            {
                foreach (var i in component)
                {
                    dark[i] = false;
                }
            }
        }

        return dark;
    }

    /// <summary>Pixels whose mean over five neighbours along one axis is darker than <paramref name="threshold"/>.</summary>
    private static bool[] Smoothed(GrayImage image, byte threshold, bool alongX)
    {
        var w = image.Width;
        var h = image.Height;
        var p = image.Pixels;
        var result = new bool[w * h];
        var step = alongX ? 1 : w;
        var limit = threshold * 5;
        for (var y = 2; y < h - 2; y++)
        {
            for (var x = 2; x < w - 2; x++)
            {
                var i = (y * w) + x;
                var sum = p[i - (2 * step)] + p[i - step] + p[i] + p[i + step] + p[i + (2 * step)];
                result[i] = sum < limit;
            }
        }

        return result;
    }

    /// <summary>Within one pixel of kept ink: the grey edges of strokes stay, grain and specks go.</summary>
    private bool NearInk(int x, int y)
    {
        for (var dy = -1; dy <= 1; dy++)
        {
            for (var dx = -1; dx <= 1; dx++)
            {
                var nx = x + dx;
                var ny = y + dy;
                if ((uint)nx < (uint)Image.Width && (uint)ny < (uint)Image.Height && _dark[(ny * Image.Width) + nx])
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The ink of a rectangle on white: the page's grey levels near kept ink, white elsewhere (grain and specks removed), for tesseract.</summary>
    public GrayImage CleanCrop(int x, int y, int width, int height)
    {
        var x0 = Math.Clamp(x, 0, Image.Width - 1);
        var y0 = Math.Clamp(y, 0, Image.Height - 1);
        var w = Math.Clamp(width - (x0 - x), 1, Image.Width - x0);
        var h = Math.Clamp(height - (y0 - y), 1, Image.Height - y0);
        var result = new GrayImage(w, h);
        for (var row = 0; row < h; row++)
        {
            for (var col = 0; col < w; col++)
            {
                var x1 = x0 + col;
                var y1 = y0 + row;
                if (NearInk(x1, y1))
                {
                    result.Pixels[(row * w) + col] = Image.Pixels[(y1 * Image.Width) + x1];
                }
            }
        }

        return result;
    }

    private sealed record Segment(int Y0, int Y1, int X0, int X1)
    {
        public int Y => (Y0 + Y1) / 2;
    }

    /// <summary>Long thin horizontal runs of ink (gaps of a few pixels bridged), merged across the rows of their thickness.</summary>
    private static List<Segment> HorizontalLines(bool[] dark, int w, int h, double scale)
    {
        // A ruling line runs across several cells; a fifth of the page width is more than any run of
        // characters whose strokes happen to touch (which the smoothed mask can join), less than any
        // line of the national tables.
        var minLength = Math.Max((int)(150 * scale), w / 5);
        var maxGap = Math.Max(2, (int)(4 * scale));
        var maxThickness = Math.Max(3, (int)(12 * scale));
        var open = new List<(int Y0, int Last, int X0, int X1)>();
        var done = new List<Segment>();
        for (var y = 0; y < h; y++)
        {
            var runs = new List<(int X0, int X1)>();
            var x = 0;
            while (x < w)
            {
                if (!dark[(y * w) + x])
                {
                    x++;
                    continue;
                }

                var start = x;
                var end = x;
                var gap = 0;
                for (x++; x < w && gap <= maxGap; x++)
                {
                    if (dark[(y * w) + x])
                    {
                        end = x;
                        gap = 0;
                    }
                    else
                    {
                        gap++;
                    }
                }

                if (end - start + 1 >= minLength)
                {
                    runs.Add((start, end + 1));
                }
            }

            var next = new List<(int Y0, int Last, int X0, int X1)>();
            foreach (var run in runs)
            {
                var joined = -1;
                for (var k = 0; k < open.Count; k++)
                {
                    var o = open[k];
                    var overlap = Math.Min(o.X1, run.X1) - Math.Max(o.X0, run.X0);
                    if (overlap > Math.Min(o.X1 - o.X0, run.X1 - run.X0) / 2)
                    {
                        joined = k;
                        break;
                    }
                }

                if (joined >= 0)
                {
                    var o = open[joined];
                    open.RemoveAt(joined);
                    next.Add((o.Y0, y, Math.Min(o.X0, run.X0), Math.Max(o.X1, run.X1)));
                }
                else
                {
                    next.Add((y, y, run.X0, run.X1));
                }
            }

            foreach (var o in open)
            {
                Close(o);
            }

            open = next;
        }

        foreach (var o in open)
        {
            Close(o);
        }

        void Close((int Y0, int Last, int X0, int X1) o)
        {
            if (o.Last - o.Y0 + 1 <= maxThickness)
            {
                done.Add(new Segment(o.Y0, o.Last + 1, o.X0, o.X1));
            }
        }

        return done.OrderBy(s => s.Y).ToList();
    }

    /// <summary>
    /// Groups the ruling lines into tables: consecutive lines belong to one table while the strip
    /// between them is closed by vertical borders at both ends.
    /// </summary>
    private static List<LayoutTable> FindTables(bool[] dark, int w, int h, List<Segment> lines, double scale)
    {
        var tables = new List<LayoutTable>();
        var tolerance = Math.Max(2, (int)(6 * scale));
        var levels = Levels(lines, tolerance);
        var i = 0;
        while (i < levels.Count - 1)
        {
            var group = new List<List<Segment>> { levels[i] };
            var x0 = levels[i].Min(s => s.X0);
            var x1 = levels[i].Max(s => s.X1);
            var j = i + 1;
            var bands = new List<LayoutBand>();
            while (j < levels.Count)
            {
                var nx0 = Math.Min(x0, levels[j].Min(s => s.X0));
                var nx1 = Math.Max(x1, levels[j].Max(s => s.X1));
                var top = Bottom(group[^1]);
                var bottom = Top(levels[j]);
                var borders = Borders(dark, w, nx0 - tolerance, nx1 + tolerance, top, bottom, scale);
                if (borders.Count < 2 || borders[0] > nx0 + (2 * tolerance) || borders[^1] < nx1 - (2 * tolerance))
                {
                    break;
                }

                x0 = nx0;
                x1 = nx1;
                bands.Add(Band(borders, top, bottom, scale));
                group.Add(levels[j]);
                j++;
            }

            if (bands.Count > 0)
            {
                tables.Add(new LayoutTable(x0, Top(group[0]), x1, Bottom(group[^1]), bands));
                i = j;
            }
            else
            {
                i++;
            }
        }

        return tables;
    }

    private static int Top(List<Segment> level) => level.Min(s => s.Y0);

    private static int Bottom(List<Segment> level) => level.Max(s => s.Y1);

    /// <summary>Lines at (nearly) the same height form one level, even when they are several pieces.</summary>
    private static List<List<Segment>> Levels(List<Segment> lines, int tolerance)
    {
        var levels = new List<List<Segment>>();
        foreach (var line in lines)
        {
            if (levels.Count > 0 && Math.Abs(levels[^1][0].Y - line.Y) <= tolerance)
            {
                levels[^1].Add(line);
            }
            else
            {
                levels.Add([line]);
            }
        }

        return levels;
    }

    /// <summary>The x positions where ink crosses the strip from its top line to its bottom line.</summary>
    private static List<int> Borders(bool[] dark, int w, int from, int to, int top, int bottom, double scale)
    {
        var result = new List<int>();
        var height = bottom - top;
        if (height < Math.Max(4, 10 * scale))
        {
            return result;
        }

        var x0 = Math.Max(1, from);
        var x1 = Math.Min(w - 1, to);
        var coverage = new double[Math.Max(0, x1 - x0)];
        for (var x = x0; x < x1; x++)
        {
            var covered = 0;
            for (var y = top; y < bottom; y++)
            {
                var i = (y * w) + x;
                if (dark[i] || dark[i - 1] || dark[i + 1])
                {
                    covered++;
                }
            }

            coverage[x - x0] = (double)covered / height;
        }

        // A border is a ridge: covered from line to line, with paper on at least one side (a dark or
        // shaded area is covered everywhere and has no borders inside it).
        var side = Math.Max(3, (int)(10 * scale));
        var candidates = new List<int>();
        for (var k = 0; k < coverage.Length; k++)
        {
            var left = k - side >= 0 ? coverage[k - side] : 0;
            var right = k + side < coverage.Length ? coverage[k + side] : 0;
            if (coverage[k] >= 0.9 && Math.Min(left, right) < 0.6)
            {
                candidates.Add(k + x0);
            }
        }

        var gap = Math.Max(2, (int)(6 * scale));
        for (var k = 0; k < candidates.Count;)
        {
            var start = k;
            while (k + 1 < candidates.Count && candidates[k + 1] - candidates[k] <= gap)
            {
                k++;
            }

            result.Add((candidates[start] + candidates[k]) / 2);
            k++;
        }

        return result;
    }

    private static LayoutBand Band(List<int> borders, int top, int bottom, double scale)
    {
        var pad = Math.Max(2, (int)(5 * scale));
        var cells = new List<LayoutCell>();
        for (var k = 0; k + 1 < borders.Count; k++)
        {
            var x0 = borders[k] + pad;
            var x1 = borders[k + 1] - pad;
            if (x1 - x0 >= pad * 2)
            {
                cells.Add(new LayoutCell(x0, top + pad, x1, bottom - pad));
            }
        }

        return new LayoutBand(top, bottom, cells);
    }
}
