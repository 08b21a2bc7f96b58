using Gongkai.Core.Vocabulary;

namespace Gongkai.Cli.Tests.Data;

/// <summary>Every value of the command line's vocabularies goes in as an option and comes back out of <c>list</c> unchanged.</summary>
public class VocabularyCommandTests
{
    [Fact]
    public void EveryAppealKindAndResult_AndEveryNormativeKind_RoundTripsThroughAddAndList()
    {
        using var dir = new TempDir();
        var db = Path.Combine(dir.Path, "v.db");
        Assert.Equal(0, CliRunner.Run("agencies", "add", "--db", db, "--id", "JD", "--name", "灯塔路街道办事处").ExitCode);
        var expected = new List<(string Kind, string Result)>();
        foreach (var kind in Vocabularies.AppealKinds.Terms)
        {
            Assert.Equal(0, CliRunner.Run("appeals", "add", "--db", db, "--agency", "JD", "--kind", kind.Code, "--filed-on", "2025-03-01").ExitCode);
            expected.Add((kind.Code, "pending"));
            foreach (var result in Vocabularies.AppealResults.Terms)
            {
                Assert.Equal(0, CliRunner.Run("appeals", "add", "--db", db, "--agency", "JD", "--kind", kind.Code, "--filed-on", "2025-03-01", "--result", result.Code, "--decided-on", "2025-05-01").ExitCode);
                expected.Add((kind.Code, result.Code));
            }
        }

        var listed = CliRunner.Run("appeals", "list", "--db", db, "--agency", "JD").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('\t')).Select(f => (f[1], f[3])).ToList();
        Assert.Equal(expected.Order(), listed.Order());

        foreach (var kind in Vocabularies.NormativeKinds.Terms)
        {
            Assert.Equal(0, CliRunner.Run("normative", "add", "--db", db, "--agency", "JD", "--title", $"文件{kind.Code}", "--kind", kind.Code, "--issued-on", "2024-05-01").ExitCode);
        }

        var kinds = CliRunner.Run("normative", "list", "--db", db, "--agency", "JD").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')[1]);
        Assert.Equal(Vocabularies.NormativeKinds.Codes.Order(), kinds.Order());

        var wrong = CliRunner.Run("appeals", "add", "--db", db, "--agency", "JD", "--kind", "appeal", "--filed-on", "2025-03-01");
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains(string.Join("、", Vocabularies.AppealKinds.Codes), wrong.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryChannel_IsAcceptedByCalendarDeadline_WithItsReceiptRule()
    {
        foreach (var channel in Vocabularies.Channels.Terms)
        {
            var result = CliRunner.Run("calendar", "deadline", "--received", "2025-03-03", "--channel", channel.Code);
            Assert.Equal(0, result.ExitCode);
            Assert.Contains(Gongkai.Core.Cases.ReceiptRules.DateMeaning(channel.Value), result.Out, StringComparison.Ordinal);
        }
    }
}
