using Gongkai.Core.Reports;
using Gongkai.Core.Statute;
using Gongkai.Documents.Reading;
using Gongkai.Documents.Reading.Text;
using Gongkai.Documents.Reports;
using Gongkai.Testing;

namespace Gongkai.Documents.Tests.Reading;

public class RoundTripTests
{
    public static TheoryData<TextLayout> ExactLayouts => new(TextLayout.Tabs, TextLayout.Spaces, TextLayout.Wrapped);

    [Theory]
    [MemberData(nameof(ExactLayouts))]
    public void RandomConsistentReports_ReadBackToTheSameJson(TextLayout layout)
    {
        var random = new Random(1000 + (int)layout);
        for (var i = 0; i < 150; i++)
        {
            var report = ReportGenerator.Consistent(random);
            var text = ReportTextRenderer.Render(report, layout, random);
            var loaded = TextReportReader.Read(text, $"random-{i}");
            Assert.NotNull(loaded.Report);
            Assert.Equal(AnnualReportJson.Write(report), AnnualReportJson.Write(loaded.Report));
            Assert.Empty(loaded.Check());
        }
    }

    [Fact]
    public void RandomConsistentReports_HtmlReadsBackToTheSameJson()
    {
        var random = new Random(77);
        for (var i = 0; i < 100; i++)
        {
            var report = ReportGenerator.Consistent(random);
            var loaded = ReportLoader.Load($"random-{i}.html", System.Text.Encoding.UTF8.GetBytes(ReportHtmlWriter.Write(report)));
            Assert.Equal("html", loaded.Form);
            Assert.Equal(AnnualReportJson.Write(report), AnnualReportJson.Write(loaded.Report!));
        }
    }

    [Fact]
    public void GluedRows_AreSplitByArithmeticOrReportedButNeverGuessed()
    {
        var random = new Random(5150);
        int cells = 0, recovered = 0;
        for (var i = 0; i < 150; i++)
        {
            var report = ReportGenerator.Consistent(random, scale: 30);
            var loaded = TextReportReader.Read(ReportTextRenderer.Render(report, TextLayout.Glued, random), $"glued-{i}");
            var read = loaded.Report!;
            var diagnostics = loaded.Check();
            foreach (var row in RequestTable.Rows(report.Edition))
            {
                for (var c = 0; c < ApplicantColumns.Count; c++)
                {
                    cells++;
                    var actual = read.Requests![row]![c];
                    if (actual is null)
                    {
                        Assert.Contains(diagnostics, d => d.Code == "unreadable-cell" && d.Location.Cell == $"requests.{row.Key}.{ApplicantColumns.All[c].Key}");
                    }
                    else
                    {
                        Assert.Equal(report.Requests![row]![c], actual);
                        recovered++;
                    }
                }
            }

            Assert.Equal(
                AppealTable.Groups.SelectMany(g => AppealTable.Columns.Select(col => report.Appeals!.Cell(g, col))),
                AppealTable.Groups.SelectMany(g => AppealTable.Columns.Select(col => read.Appeals!.Cell(g, col) ?? report.Appeals!.Cell(g, col))));
        }

        // Most glued rows have a unique split; the rest must have been reported above.
        Assert.True(recovered > cells * 0.6, $"recovered {recovered} of {cells} cells");
    }

    [Fact]
    public void TheCorpusExample_640020470_SplitsAs64_0_0_2_0_4_70()
    {
        var report = ReportGenerator.Consistent(new Random(1), Edition.V2021, 2022);
        var received = RequestTable.Row(Edition.V2021, RequestRowKind.Received);
        var carried = RequestTable.Row(Edition.V2021, RequestRowKind.CarriedOver);
        var total = RequestTable.Row(Edition.V2021, RequestRowKind.Total);
        var forward = RequestTable.Row(Edition.V2021, RequestRowKind.CarriedForward);
        report.Requests![received] = [64, 0, 0, 2, 0, 4, 70];
        for (var c = 0; c < 7; c++)
        {
            report.Requests[carried]![c] = report.Requests[total]![c] + report.Requests[forward]![c] - report.Requests[received]![c];
        }

        if (report.Requests[carried]!.Any(v => v < 0))
        {
            report.Requests[forward] = report.Requests[forward]!.Select((v, c) => v - Math.Min(0, report.Requests[carried]![c]!.Value)).ToArray();
            report.Requests[carried] = report.Requests[carried]!.Select(v => (int?)Math.Max(0, v!.Value)).ToArray();
        }

        var text = ReportTextRenderer.Render(report, TextLayout.Tabs).Replace("一、本年新收政府信息公开申请数量\t64\t0\t0\t2\t0\t4\t70", "一、本年新收政府信息公开申请数量640020470", StringComparison.Ordinal);
        Assert.Contains("640020470", text, StringComparison.Ordinal);
        var loaded = TextReportReader.Read(text, "glued");
        Assert.Equal([64, 0, 0, 2, 0, 4, 70], loaded.Report!.Requests![received]!);
        Assert.Contains(loaded.ReaderDiagnostics, d => d.Code == ReaderCodes.GluedCells);
    }

    /// <summary>「322105031」 splits two ways that both pass the row check: 3,2,21,0,5,0,31 and 3,22,1,0,5,0,31.</summary>
    private static (AnnualReport Report, string Text) WithGluedDisclosedRow(bool blankTotals)
    {
        var report = ReportGenerator.Consistent(new Random(9), Edition.V2021, 2022);
        var data = report.Requests!;
        int?[] wanted = [3, 2, 21, 0, 5, 0, 31];
        var disclosed = RequestTable.Row(Edition.V2021, "disclosed");
        var total = RequestTable.Row(Edition.V2021, RequestRowKind.Total);
        var received = RequestTable.Row(Edition.V2021, RequestRowKind.Received);
        var forward = RequestTable.Row(Edition.V2021, RequestRowKind.CarriedForward);
        for (var c = 0; c < 7; c++)
        {
            var delta = wanted[c]!.Value - data[disclosed]![c]!.Value;
            data[disclosed]![c] = wanted[c];
            data[total]![c] += delta;
            data[received]![c] += delta;
            if (data[received]![c] < 0)
            {
                data[forward]![c] -= data[received]![c];
                data[received]![c] = 0;
            }
        }

        Assert.Empty(Core.Reports.Rules.ReportChecker.Check(report));
        if (blankTotals)
        {
            data[total] = new int?[7];
        }

        var text = ReportTextRenderer.Render(report, TextLayout.Tabs);
        text = System.Text.RegularExpressions.Regex.Replace(text, "(（一）予以公开)\t[^\n]*", "$1\t322105031");
        return (report, text);
    }

    [Fact]
    public void GluedRowWithTwoSplits_IsSettledByTheColumnArithmetic()
    {
        var (report, text) = WithGluedDisclosedRow(blankTotals: false);
        var loaded = TextReportReader.Read(text, "glued");
        Assert.Equal([3, 2, 21, 0, 5, 0, 31], loaded.Report!.Requests!["disclosed"]!);
        Assert.Equal(AnnualReportJson.Write(report), AnnualReportJson.Write(loaded.Report));
    }

    [Fact]
    public void GluedRowWithTwoSplits_AndNothingToDecide_IsUnreadableWithBothCandidates()
    {
        var (_, text) = WithGluedDisclosedRow(blankTotals: true);
        var loaded = TextReportReader.Read(text, "glued");
        Assert.All(loaded.Report!.Requests!["disclosed"]!, c => Assert.Null(c));
        var unreadable = loaded.Check().Where(d => d.Code == "unreadable-cell" && d.Location.Cell!.StartsWith("requests.disclosed.", StringComparison.Ordinal)).ToArray();
        Assert.Equal(7, unreadable.Length);
        Assert.Contains("3,2,21,0,5,0,31", unreadable[0].Message, StringComparison.Ordinal);
        Assert.Contains("3,22,1,0,5,0,31", unreadable[0].Message, StringComparison.Ordinal);
    }
}
