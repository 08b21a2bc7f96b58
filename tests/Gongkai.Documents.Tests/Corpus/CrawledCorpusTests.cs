using System.Text.Json;
using Gongkai.Core.Reports.Rules;
using Gongkai.Documents.Reading;
using Gongkai.Testing;

namespace Gongkai.Documents.Tests.Corpus;

/// <summary>
/// The crawled reports of ../shared/corpus/crawled read back equal to their hand-checked expected
/// JSON, cell by cell, except the cells the expectation lists as ambiguous (which may be null or reported).
/// </summary>
public class CrawledCorpusTests
{
    public static TheoryData<string> Documents => new("hebei-jyt-2019-cell-per-line", "pingtan-2021-page-text");

    [Theory]
    [MemberData(nameof(Documents))]
    public void CrawledReport_ReadsAsTheExpectedJson(string name)
    {
        using var expected = JsonDocument.Parse(File.ReadAllText(SharedFiles.Corpus("crawled", name + ".expected.json")));
        var e = expected.RootElement;
        var loaded = ReportLoader.Load(SharedFiles.Corpus("crawled", name + ".txt"));
        Assert.NotNull(loaded.Report);
        using var actual = JsonDocument.Parse(Gongkai.Core.Reports.AnnualReportJson.Write(loaded.Report));
        var a = actual.RootElement;
        Assert.Equal(e.GetProperty("agency").GetString(), a.GetProperty("agency").GetString());
        Assert.Equal(e.GetProperty("year").GetInt32(), a.GetProperty("year").GetInt32());
        Assert.Equal(e.GetProperty("edition").GetString(), a.GetProperty("edition").GetString());

        var ambiguous = Ambiguous(e);
        var diagnostics = loaded.Check();
        var compared = 0;
        foreach (var table in new[] { "proactive", "requests", "appeals" })
        {
            foreach (var (path, value) in Cells(e.GetProperty(table), table))
            {
                var read = Cells(a.GetProperty(table), table).GetValueOrDefault(path);
                if (ambiguous.Contains(path))
                {
                    Assert.True(read is null || read == value, $"{path}: ambiguous cell read as {read}");
                    Assert.True(read is not null || diagnostics.Any(d => d.Code == DiagnosticCodes.UnreadableCell && d.Location.Cell == path), $"{path}: ambiguous and not reported");
                    continue;
                }

                Assert.True(value == read, $"{path}: expected {value ?? "blank"}, read {read ?? "blank"}");
                compared++;
            }
        }

        Assert.True(compared > 180, $"only {compared} cells compared");
        Assert.DoesNotContain(diagnostics, d => d.Code == DiagnosticCodes.MissingTable);
    }

    /// <summary>「a.b.c/d/e: reason」 → the cells a.b.c, a.b.d, a.b.e.</summary>
    private static HashSet<string> Ambiguous(JsonElement e)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        if (!e.TryGetProperty("ambiguous", out var list))
        {
            return result;
        }

        foreach (var entry in list.EnumerateArray())
        {
            var path = entry.GetString()!.Split(':')[0].Trim();
            var dot = path.LastIndexOf('.');
            foreach (var leaf in path[(dot + 1)..].Split('/'))
            {
                result.Add(path[..(dot + 1)] + leaf);
            }
        }

        return result;
    }

    private static Dictionary<string, string?> Cells(JsonElement element, string prefix)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        void Walk(JsonElement e, string path)
        {
            if (e.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in e.EnumerateObject())
                {
                    Walk(p.Value, $"{path}.{p.Name}");
                }
            }
            else
            {
                result[path] = e.ValueKind == JsonValueKind.Null ? null : e.ToString();
            }
        }

        Walk(element, prefix);
        return result;
    }
}
