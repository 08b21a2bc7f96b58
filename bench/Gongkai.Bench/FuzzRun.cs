using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Gongkai.Documents.Reading.Text;

namespace Gongkai.Bench;

/// <summary>
/// <c>fuzz --count N [--seed S]</c>: mutates real reports of every text form (the seeds as extracted
/// from PDFs, the crawled pages, and each seed joined onto one line with spaces and with nothing) with
/// <see cref="Gongkai.Testing.ReportMutator"/> —
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
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var r = new Random(HashCode.Combine(seed, i));
            var (name, text) = bases[r.Next(bases.Count)];
            var mutant = Gongkai.Testing.ReportMutator.Mutate(text, r);
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
        });

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
}
