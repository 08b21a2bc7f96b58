using System.Text.RegularExpressions;
using Gongkai.Core.Calendar;
using Gongkai.Testing;

namespace Gongkai.Core.Tests.Codebase;

/// <summary>STYLE rule 13: nothing but <see cref="ChinaClock.Real"/> reads the wall clock, so the suite says the same on any date.</summary>
public partial class OneClockTests
{
    [Fact]
    public void NoSourceOrTestReadsTheWallClock_ExceptTheOneRegistration()
    {
        var allowed = Path.Combine("src", "Gongkai.Core", "Calendar", "ChinaClock.cs");
        var offenders = new List<string>();
        foreach (var folder in new[] { "src", "tests" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(SharedFiles.RepositoryRoot, folder), "*.*", SearchOption.AllDirectories)
                         .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                         .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                  && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
            {
                var relative = Path.GetRelativePath(SharedFiles.RepositoryRoot, file);
                if (relative == allowed || relative.EndsWith("OneClockTests.cs", StringComparison.Ordinal))
                {
                    continue;
                }

                var lines = File.ReadAllLines(file);
                for (var i = 0; i < lines.Length; i++)
                {
                    if (WallClock().IsMatch(lines[i]))
                    {
                        offenders.Add($"{relative}:{i + 1}: {lines[i].Trim()}");
                    }
                }
            }
        }

        Assert.True(offenders.Count == 0, "wall-clock reads:\n" + string.Join('\n', offenders));
    }

    [Theory]
    [InlineData("2026-12-31T15:59:59Z", "2026-12-31")]
    [InlineData("2026-12-31T16:00:00Z", "2027-01-01")] // midnight in Beijing is 16:00 UTC
    [InlineData("2028-02-28T16:30:00Z", "2028-02-29")]
    public void TodayInChina_TurnsAtMidnightBeijingTime(string utc, string expected)
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), clock.TodayInChina());
    }

    [GeneratedRegex(@"DateTime\.(Now|UtcNow|Today)\b|DateTimeOffset\.(Now|UtcNow)\b|TimeProvider\.System\b|AddHours\(8\)")]
    private static partial Regex WallClock();
}
