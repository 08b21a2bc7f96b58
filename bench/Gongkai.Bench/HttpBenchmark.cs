using System.Diagnostics;
using System.Globalization;

namespace Gongkai.Bench;

/// <summary>
/// <c>http URL [--seconds 10] [--concurrency 16]</c>: GETs the URL as fast as the given number of
/// concurrent clients can for the given time and prints requests/s and latency percentiles. Used to
/// compare the portal's catalogue page with nginx serving the same page as a static file (DESIGN §7).
/// </summary>
public static class HttpBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var url = new Uri(args[1]);
        var seconds = Arg(args, "--seconds") is { } s ? double.Parse(s, CultureInfo.InvariantCulture) : 10;
        var concurrency = Arg(args, "--concurrency") is { } c ? int.Parse(c, CultureInfo.InvariantCulture) : 16;
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        for (var i = 0; i < 50; i++)
        {
            (await http.GetAsync(url)).EnsureSuccessStatusCode();
        }

        var latencies = new List<double>[concurrency];
        var stop = Stopwatch.StartNew();
        var end = TimeSpan.FromSeconds(seconds);
        long bytes = 0;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = latencies[worker] = [];
            while (stop.Elapsed < end)
            {
                var t = Stopwatch.GetTimestamp();
                var body = await http.GetByteArrayAsync(url);
                mine.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                Interlocked.Add(ref bytes, body.Length);
            }
        }));
        var all = latencies.SelectMany(l => l).Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{url}: {all.Length / stop.Elapsed.TotalSeconds:F0} requests/s with {concurrency} clients, p50 {all[all.Length / 2]:F2} ms, p95 {all[(int)(all.Length * 0.95)]:F2} ms, {bytes / all.Length} bytes/page"));
    }

    private static string? Arg(string[] args, string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
