using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using Gongkai.Bench;
using Gongkai.Documents.Reading.Text;

// `dotnet run -c Release --project bench/Gongkai.Bench` runs the BenchmarkDotNet suite;
// `-- quick` prints a single-threaded throughput measurement in a few seconds.
if (args.Length > 0 && args[0] == "records")
{
    await RecordsBenchmark.RunAsync(args);
    return;
}

if (args.Length > 0 && args[0] == "http")
{
    await HttpBenchmark.RunAsync(args);
    return;
}

if (args.Length > 0 && args[0] == "search")
{
    await SearchBenchmark.RunAsync(args);
    return;
}

if (args.Length > 0 && args[0] == "fuzz")
{
    FuzzRun.Run(args);
    return;
}

if (args.Length > 0 && args[0] == "sql")
{
    SqlProbe.Run(args[1], args[2..]);
    return;
}

if (args.Length > 0 && args[0] == "split")
{
    foreach (var (name, text) in ReadingBenchmarks.Corpus)
    {
        var loaded = TextReportReader.Read(text, name);
        var w1 = Stopwatch.StartNew();
        for (var i = 0; i < 2000; i++) { TextReportReader.Read(text, name); }
        var read = w1.Elapsed.TotalMilliseconds / 2000;
        var w2 = Stopwatch.StartNew();
        for (var i = 0; i < 2000; i++) { loaded.Check(); }
        var check = w2.Elapsed.TotalMilliseconds / 2000;
        var w3 = Stopwatch.StartNew();
        for (var i = 0; i < 2000; i++) { SourceText.Lines(text); }
        var lines = w3.Elapsed.TotalMilliseconds / 2000;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-28} read {read:F3} ms (lines {lines:F3})  check {check:F3} ms"));
    }

    return;
}

if (args.Length > 0 && args[0] == "parts")
{
    var text = ReadingBenchmarks.Corpus[args[1]];
    var lines = SourceText.Lines(text);
    var outline = new ReportOutline(lines);
    void T(string what, Action a)
    {
        for (var i = 0; i < 3000; i++) { a(); }
        var before = GC.GetAllocatedBytesForCurrentThread();
        var w = Stopwatch.StartNew();
        for (var i = 0; i < 2000; i++) { a(); }
        var bytes = (GC.GetAllocatedBytesForCurrentThread() - before) / 2000;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what,-12} {w.Elapsed.TotalMilliseconds / 2000:F4} ms  {bytes / 1024.0:F1} KB"));
    }

    T("reflow", () => TextReflow.Apply(text));
    T("outline", () => new ReportOutline(lines));
    T("title", () => outline.TitleFacts());
    T("body2", () => outline.Body(2));
    T("split", () => { foreach (var l in lines) { LineCells.Split(l.Folded); } });
    T("appeals", () => AppealReader.Read(outline.Body(3), new ReaderFindings()));
    T("requests", () => RequestReader.Read(outline.Body(2), Gongkai.Core.Statute.Edition.V2021, Gongkai.Core.Statute.Edition.V2021, new ReaderFindings()));
    T("proactive", () => ProactiveReader.Read(outline.Body(1), Gongkai.Core.Statute.Edition.V2021, new ReaderFindings()));
    T("lines", () => SourceText.Lines(text));
    var loaded = TextReportReader.Read(text, "x");
    T("read", () => TextReportReader.Read(text, "x"));
    T("check", () => loaded.Check());
    T("checker", () => Gongkai.Core.Reports.Rules.ReportChecker.Check(loaded.Report!));
    T("narrative", () => Gongkai.Core.Reports.Rules.NarrativeChecks.Check(loaded.Report!).ToList());
    return;
}

if (args.Length > 0 && args[0] == "quick")
{
    Quick();
    return;
}

var summary = BenchmarkSwitcher.FromAssembly(typeof(ReadingBenchmarks).Assembly).Run(args);
foreach (var report in summary.SelectMany(s => s.Reports))
{
    if (report.ResultStatistics is not { } stats)
    {
        continue;
    }

    var name = report.BenchmarkCase.Parameters["Document"]?.ToString() ?? "";
    if (!ReadingBenchmarks.Corpus.TryGetValue(name, out var text))
    {
        continue;
    }

    var seconds = stats.Mean / 1e9;
    var megabytes = System.Text.Encoding.UTF8.GetByteCount(text) / 1048576.0;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-28} {1 / seconds,10:N0} reports/s  {megabytes / seconds,8:N1} MB/s"));
}

static void Quick()
{
    foreach (var (name, text) in ReadingBenchmarks.Corpus)
    {
        var warm = Stopwatch.StartNew();
        while (warm.ElapsedMilliseconds < 1500)
        {
            TextReportReader.Read(text, name).Check();
        }

        var n = 0;
        var watch = Stopwatch.StartNew();
        while (watch.ElapsedMilliseconds < 1000)
        {
            TextReportReader.Read(text, name).Check();
            n++;
        }

        var seconds = watch.Elapsed.TotalSeconds;
        var megabytes = System.Text.Encoding.UTF8.GetByteCount(text) / 1048576.0 * n;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-28} {n / seconds,10:N0} reports/s  {megabytes / seconds,8:N1} MB/s"));
    }
}
