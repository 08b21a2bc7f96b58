namespace Gongkai.Core.Publishing;

/// <summary>An application as the 第四十四条 grouping sees it.</summary>
public sealed record RequestText(string TrackingNumber, DateOnly ReceivedOn, string Description);

/// <summary>Applications asking for the same information: a candidate for proactive disclosure.</summary>
/// <param name="Key">The group's earliest tracking number: a stable name for the decision taken on it.</param>
public sealed record SimilarGroup(string Key, IReadOnlyList<RequestText> Requests);

/// <summary>
/// 条例 第四十四条: when many applicants ask for the same government information that may be disclosed,
/// the agency may make it public proactively. Applications to one agency are grouped when their
/// 所需信息描述 are alike — character-bigram Dice similarity, after removing the words every request
/// has (申请公开, 政府信息 …) and punctuation — and a group of <see cref="MinimumGroup"/> within
/// <see cref="Window"/> is a suggestion.
/// </summary>
public static class SimilarRequests
{
    /// <summary>
    /// Dice similarity at which two descriptions are taken to ask for the same thing. Chosen on the
    /// hand-written pairs of the tests: paraphrases of one request score 0.79–1.0, different requests
    /// to the same 街道 (sharing its name and the year) 0.25–0.30; 0.5 sits between with room on both sides.
    /// The demo's imported cases have no descriptions to tune on.
    /// </summary>
    public const double Threshold = 0.5;

    public const int MinimumGroup = 3;

    /// <summary>Applications received within this many days of the newest one count together (12 months).</summary>
    public const int Window = 365;

    private static readonly string[] Boilerplate = ["申请公开", "申请获取", "请求公开", "政府信息", "相关信息", "有关信息", "的信息", "请予公开", "我想", "我要", "本人"];

    /// <summary>The bigrams of a description: letters and digits only, common request words removed.</summary>
    public static HashSet<string> Grams(string description)
    {
        var text = description;
        foreach (var b in Boilerplate)
        {
            text = text.Replace(b, " ", StringComparison.Ordinal);
        }

        var grams = new HashSet<string>(StringComparer.Ordinal);
        char? previous = null;
        foreach (var ch in text)
        {
            if (!char.IsLetterOrDigit(ch))
            {
                previous = null;
                continue;
            }

            if (previous is { } p)
            {
                grams.Add(string.Concat(p, ch));
            }

            previous = ch;
        }

        return grams;
    }

    /// <summary>Dice coefficient of two bigram sets (0 when either is empty).</summary>
    public static double Similarity(IReadOnlySet<string> a, IReadOnlySet<string> b) =>
        a.Count == 0 || b.Count == 0 ? 0 : 2.0 * a.Count(b.Contains) / (a.Count + b.Count);

    /// <summary>Groups of at least <see cref="MinimumGroup"/> alike requests received within <see cref="Window"/> days before <paramref name="today"/>, largest first.</summary>
    public static IReadOnlyList<SimilarGroup> Groups(IReadOnlyList<RequestText> requests, DateOnly today)
    {
        var recent = requests.Where(r => r.ReceivedOn > today.AddDays(-Window) && r.ReceivedOn <= today).OrderBy(r => r.ReceivedOn).ThenBy(r => r.TrackingNumber, StringComparer.Ordinal).ToArray();
        var grams = recent.Select(r => Grams(r.Description)).ToArray();
        var parent = Enumerable.Range(0, recent.Length).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        for (var i = 0; i < recent.Length; i++)
        {
            for (var j = i + 1; j < recent.Length; j++)
            {
                if (Find(i) != Find(j) && Similarity(grams[i], grams[j]) >= Threshold)
                {
                    parent[Find(j)] = Find(i);
                }
            }
        }

        return Enumerable.Range(0, recent.Length).GroupBy(Find)
            .Where(g => g.Count() >= MinimumGroup)
            .Select(g => new SimilarGroup(recent[g.First()].TrackingNumber, g.Select(i => recent[i]).ToArray()))
            .OrderByDescending(g => g.Requests.Count).ThenBy(g => g.Key, StringComparer.Ordinal).ToArray();
    }
}
