using System.Globalization;
using System.Text.Json;
using Gongkai.Core.Reports;
using Gongkai.Core.Statute;
using Gongkai.Documents.Reading;
using Gongkai.Testing;

namespace Gongkai.Documents.Tests.Corpus;

/// <summary>
/// Every real report in ../shared/corpus read and compared field by field with an expectation
/// written by hand from the document (Corpus/Expected/*.json), plus the diagnostics it must raise.
/// </summary>
public class CorpusTests
{
    public static TheoryData<string> Documents => new(
        "seeds/000_0cabfea7d7ace98a.txt",
        "seeds/001_f91fd63a8d753a03.txt",
        "seeds/002_90f1788eec4cf7e7.txt",
        "seeds/003_29793b2c7988821a.txt",
        "seeds/004_4e852c2e8c9680eb.txt",
        "published/huaian-city-2024.pdf",
        "published/huaian-hongze-2023.pdf",
        "published/huaian-hongze-2024.pdf");

    [Theory]
    [MemberData(nameof(Documents))]
    public void Document_ReadsAsWrittenByHand(string document)
    {
        var path = SharedFiles.Corpus(document.Split('/'));
        var name = Path.GetFileNameWithoutExtension(path);
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Corpus", "Expected", name + ".json")));
        var e = expected.RootElement;

        var loaded = ReportLoader.Load(path);
        var report = loaded.Report;
        Assert.NotNull(report);
        Assert.Equal(e.GetProperty("agency").GetString(), report.Agency);
        Assert.Equal(e.GetProperty("year").GetInt32(), report.Year);
        Assert.Equal(e.GetProperty("edition").GetString(), report.Edition.Code());

        AssertProactive(e.GetProperty("proactive"), report);
        AssertRequests(e.GetProperty("requests"), report);
        AssertAppeals(e.GetProperty("appeals"), report);
        foreach (var section in e.GetProperty("sections").EnumerateObject())
        {
            var actual = section.Name switch
            {
                "overview" => report.Sections.Overview,
                "problems" => report.Sections.Problems,
                _ => report.Sections.Other,
            };
            Assert.NotNull(actual);
            Assert.StartsWith(section.Value.GetString()!, actual, StringComparison.Ordinal);
        }

        var codes = loaded.Check().Select(d => d.Code).Order(StringComparer.Ordinal).ToArray();
        var want = e.GetProperty("diagnostics").EnumerateArray().SelectMany(Expand).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(want, codes);
    }

    private static IEnumerable<string> Expand(JsonElement code)
    {
        var parts = code.GetString()!.Split('*');
        return Enumerable.Repeat(parts[0], parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 1);
    }

    private static void AssertProactive(JsonElement expected, AnnualReport report)
    {
        Assert.NotNull(report.Proactive);
        Assert.Equal(ProactiveTable.Rows(report.Edition).Select(r => r.Key), expected.EnumerateObject().Select(p => p.Name));
        foreach (var row in expected.EnumerateObject())
        {
            var actual = report.Proactive[row.Name];
            Assert.NotNull(actual);
            var want = row.Value.EnumerateArray().Select(v => v.ValueKind switch
            {
                JsonValueKind.Null => (decimal?)null,
                JsonValueKind.String => decimal.Parse(v.GetString()!, CultureInfo.InvariantCulture),
                _ => v.GetDecimal(),
            }).ToArray();
            Assert.True(want.SequenceEqual(actual), $"proactive.{row.Name}: want {string.Join(',', want)} got {string.Join(',', actual)}");
        }
    }

    private static void AssertRequests(JsonElement expected, AnnualReport report)
    {
        Assert.NotNull(report.Requests);
        var fallback = expected.TryGetProperty("default", out var d) ? d : (JsonElement?)null;
        foreach (var row in RequestTable.Rows(report.Edition))
        {
            var want = expected.TryGetProperty(row.Key, out var explicitRow) ? explicitRow : fallback
                ?? throw new InvalidOperationException($"expectation lacks {row.Key}");
            var actual = report.Requests[row];
            if (want.ValueKind == JsonValueKind.Null)
            {
                Assert.True(actual is null, $"requests.{row.Key} should be missing");
                continue;
            }

            Assert.True(actual is not null, $"requests.{row.Key} is missing");
            var cells = want.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? (int?)null : v.GetInt32()).ToArray();
            Assert.True(cells.SequenceEqual(actual), $"requests.{row.Key}: want {string.Join(',', cells)} got {string.Join(',', actual)}");
        }
    }

    private static void AssertAppeals(JsonElement expected, AnnualReport report)
    {
        if (expected.ValueKind == JsonValueKind.Null)
        {
            Assert.Null(report.Appeals);
            return;
        }

        Assert.NotNull(report.Appeals);
        var want = expected.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? (int?)null : v.GetInt32()).ToArray();
        var actual = AppealTable.Groups.SelectMany(g => AppealTable.Columns.Select(c => report.Appeals.Cell(g, c))).ToArray();
        Assert.Equal(want, actual);
    }
}
