using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Gongkai.Documents.Reading.Text;

namespace Gongkai.Bench;

/// <summary>
/// <c>fuzz --count N [--seed S]</c>: mutates real reports of every text form (the seeds as extracted
/// from PDFs, the crawled pages, and each seed joined onto one line with spaces and with nothing) —
/// byte flips, digit insertions, deleted, repeated and joined lines, random separators, truncation —
/// and reads each in process with the check. Prints how many were read, how many threw (must be 0),
/// how many took over 1 s (must be 0), and the slowest input's size and time. It never fails: it prints.
/// </summary>
public static class FuzzRun
{
    public static void Run(string[] args)
    {
        var count = Option(args, "--count", 100_000);
        var seed = Option(args, "--seed", 1);
        var bases = Bases();
        Console.WriteLine($"fuzz: {count:N0} mutants of {bases.Count} base texts on {Environment.ProcessorCount} threads");
        foreach (var (name, text) in bases)
        {
            TextReportReader.Read(text, name).Check(); // warm up: compiled regexes and JIT are not the reader's time
        }

        var thrown = new ConcurrentBag<string>();
        long over = 0, done = 0, reports = 0;
        var slowest = (Ticks: 0L, Size: 0, Base: "");
        var gate = new object();
        var total = Stopwatch.StartNew();
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, () => new Random(seed), (i, state, random) =>
        {
            var r = new Random(HashCode.Combine(seed, i));
            var (name, text) = bases[r.Next(bases.Count)];
            var mutant = Mutate(text, r);
            var watch = Stopwatch.StartNew();
            try
            {
                var loaded = TextReportReader.Read(mutant, $"fuzz-{i}");
                loaded.Check();
                if (loaded.Report is not null)
                {
                    Interlocked.Increment(ref reports);
                }
            }
            catch (Exception e)
            {
                thrown.Add($"{name} #{i}: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
            }

            watch.Stop();
            if (watch.Elapsed.TotalSeconds > 1)
            {
                Interlocked.Increment(ref over);
            }

            lock (gate)
            {
                if (watch.ElapsedTicks > slowest.Ticks)
                {
                    slowest = (watch.ElapsedTicks, mutant.Length, name);
                }
            }

            var n = Interlocked.Increment(ref done);
            if (n % 100_000 == 0)
            {
                Console.WriteLine($"  {n:N0} read, {thrown.Count} threw, {over} over 1 s");
            }

            return random;
        }, _ => { });

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"read {done:N0} mutants in {total.Elapsed.TotalSeconds:F1} s: {reports:N0} gave a report, {thrown.Count} threw, {over} took over 1 s; slowest {slowest.Ticks * 1000.0 / Stopwatch.Frequency:F1} ms on a {slowest.Size:N0}-character mutant of {slowest.Base}"));
        foreach (var t in thrown.Take(10))
        {
            Console.WriteLine("  threw: " + t);
        }
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : fallback;
    }

    private static List<(string Name, string Text)> Bases()
    {
        var shared = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "..", "shared", "corpus"));
        var result = new List<(string, string)>();
        foreach (var folder in new[] { "seeds", "crawled" })
        {
            var dir = Path.Combine(shared, folder);
            if (!Directory.Exists(dir))
            {
                continue;
            }

            foreach (var file in Directory.GetFiles(dir, "*.txt"))
            {
                var text = File.ReadAllText(file);
                var name = $"{folder}/{Path.GetFileName(file)}";
                result.Add((name, text));
                if (folder == "seeds")
                {
                    var lines = text.Split('\n').Select(l => l.Replace('\t', ' ').Trim()).Where(l => l.Length > 0).ToArray();
                    result.Add((name + " (one line, spaces)", string.Join(' ', lines)));
                    result.Add((name + " (one line, glued)", string.Concat(lines.Select(l => l.Replace(" ", "", StringComparison.Ordinal)))));
                }
            }
        }

        if (result.Count == 0)
        {
            throw new InvalidOperationException($"no corpus under {shared}");
        }

        return result;
    }

    private const string Noise = "0123456789０１２３\t  一二三四五（）()、.，。总计其他-—+\n#*\u2028";

    private static string Mutate(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        for (var m = random.Next(1, 8); m > 0 && lines.Count > 0; m--)
        {
            var at = random.Next(lines.Count);
            switch (random.Next(8))
            {
                case 0:
                    lines.RemoveAt(at);
                    break;
                case 1:
                    lines.Insert(at, lines[random.Next(lines.Count)]);
                    break;
                case 2 when at + 1 < lines.Count:
                    lines[at] += lines[at + 1]; // joined lines
                    lines.RemoveAt(at + 1);
                    break;
                case 3:
                    lines[at] = lines[at][..random.Next(lines[at].Length + 1)];
                    break;
                case 4:
                    lines[at] = Flip(lines[at], random);
                    break;
                case 5:
                    lines[at] = Insert(lines[at], random, "0123456789");
                    break;
                case 6:
                    lines[at] = Insert(lines[at], random, " \t\n\u3000  ");
                    break;
                default:
                    lines.RemoveRange(at, lines.Count - at); // truncated file
                    break;
            }
        }

        return string.Join('\n', lines);
    }

    private static string Flip(string line, Random random)
    {
        if (line.Length == 0)
        {
            return line;
        }

        var bytes = Encoding.UTF8.GetBytes(line);
        for (var k = random.Next(1, 4); k > 0; k--)
        {
            bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
        }

        return Encoding.UTF8.GetString(bytes);
    }

    private static string Insert(string line, Random random, string alphabet)
    {
        var sb = new StringBuilder(line);
        for (var k = random.Next(1, 6); k > 0; k--)
        {
            var pool = random.Next(2) == 0 ? alphabet : Noise;
            sb.Insert(random.Next(sb.Length + 1), pool[random.Next(pool.Length)]);
        }

        return sb.ToString();
    }
}
