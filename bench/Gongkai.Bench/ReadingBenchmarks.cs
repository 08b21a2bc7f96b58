using BenchmarkDotNet.Attributes;
using Gongkai.Documents.Reading;
using Gongkai.Documents.Reading.Text;

namespace Gongkai.Bench;

/// <summary>
/// Parse + check one report held in memory as text: the five seeds and the three published PDFs
/// as pdftotext renders them (the PDF conversion itself is not timed: it is poppler's).
/// </summary>
[MemoryDiagnoser]
public class ReadingBenchmarks
{
    public static IReadOnlyDictionary<string, string> Corpus => _corpus.Value;

    private static readonly Lazy<Dictionary<string, string>> _corpus = new(Load);

    public static IEnumerable<string> Names => Corpus.Keys;

    [ParamsSource(nameof(Names))]
    public string Document { get; set; } = "";

    private string _text = "";

    [GlobalSetup]
    public void Setup() => _text = Corpus[Document];

    [Benchmark]
    public int ParseAndCheck() => TextReportReader.Read(_text, Document).Check().Count;

    private static Dictionary<string, string> Load()
    {
        var shared = Paths.Shared;
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Path.Combine(shared, "corpus", "seeds")).Order(StringComparer.Ordinal))
        {
            result["seed-" + Path.GetFileName(file)[..3]] = File.ReadAllText(file);
        }

        foreach (var file in Directory.GetFiles(Path.Combine(shared, "corpus", "published"), "*.pdf").Order(StringComparer.Ordinal))
        {
            result["pdf-" + Path.GetFileNameWithoutExtension(file)] = PdfReportReader.ToText(File.ReadAllBytes(file), file);
        }

        return result;
    }
}

public static class Paths
{
    public static string Shared
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Gongkai.slnx")))
                {
                    return Path.Combine(dir.FullName, "..", "shared");
                }
            }

            return Path.Combine(Environment.CurrentDirectory, "..", "shared");
        }
    }
}
