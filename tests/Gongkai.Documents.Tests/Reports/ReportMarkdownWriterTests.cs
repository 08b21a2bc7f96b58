using Gongkai.Core.Statute;
using Gongkai.Documents.Reports;
using Gongkai.Testing;

namespace Gongkai.Documents.Tests.Reports;

public class ReportMarkdownWriterTests
{
    [Theory]
    [InlineData(Edition.V2019, 23)]
    [InlineData(Edition.V2021, 25)]
    public void Table3_OneLinePerRowWithFullLabels(Edition edition, int rows)
    {
        var report = ReportGenerator.Consistent(new Random(11), edition);
        var md = ReportMarkdownWriter.Write(report);
        var lines = md.Split('\n');
        foreach (var row in RequestTable.Rows(edition))
        {
            var cells = report.Requests![row]!;
            var expected = $"| {row.FullName} | {string.Join(" | ", cells.Select(c => c!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)))} |";
            Assert.Contains(expected, lines);
        }

        Assert.Equal(rows, lines.Count(l => l.StartsWith("| 一、", StringComparison.Ordinal) || l.StartsWith("| 二、", StringComparison.Ordinal)
            || l.StartsWith("| 三、", StringComparison.Ordinal) || l.StartsWith("| 四、", StringComparison.Ordinal)));
        Assert.StartsWith($"# {report.Agency}", md, StringComparison.Ordinal);
    }
}
