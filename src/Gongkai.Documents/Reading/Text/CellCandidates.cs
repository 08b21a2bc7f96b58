namespace Gongkai.Documents.Reading.Text;

/// <summary>How a row's cells were recovered.</summary>
public enum Recovery
{
    /// <summary>The row had exactly the expected cells.</summary>
    None,

    /// <summary>Digits glued together were split using the table's arithmetic.</summary>
    Glued,

    /// <summary>The row had more cells than the table; the extra were dropped using its arithmetic.</summary>
    Extra,
}

/// <summary>
/// The readings of a row's cells that fit the expected count: as written; with extra cells
/// dropped; or with glued digit runs (「640020470」) split. Each reading must pass the row's own
/// check (e.g. 总计 = the sum of the six applicant columns); the caller narrows further with the
/// table's column arithmetic. Enumeration is bounded, so hostile input cannot blow up.
/// </summary>
public static class CellCandidates
{
    public const int MaxCandidates = 5000;
    private const int MaxExtraCells = 3;

    public static (List<decimal?[]> Candidates, Recovery Recovery) For(IReadOnlyList<LineCell> cells, int expected, Func<decimal?[], bool> rowCheck)
    {
        var values = cells.Select(c => c.Value).ToArray();
        if (values.Length == expected)
        {
            return ([values], Recovery.None);
        }

        if (values.Length > expected)
        {
            var extra = values.Length - expected;
            if (extra > MaxExtraCells)
            {
                return ([], Recovery.Extra);
            }

            var found = new List<decimal?[]>();
            Drop(values, extra, 0, [], found, rowCheck);
            return (Distinct(found), Recovery.Extra);
        }

        var glued = new List<decimal?[]>();
        Split(cells, 0, expected, [], glued, rowCheck);
        return (Distinct(glued), Recovery.Glued);
    }

    private static void Drop(decimal?[] values, int extra, int from, List<int> dropped, List<decimal?[]> found, Func<decimal?[], bool> check)
    {
        if (found.Count >= MaxCandidates)
        {
            return;
        }

        if (dropped.Count == extra)
        {
            var kept = values.Where((_, i) => !dropped.Contains(i)).ToArray();
            if (check(kept))
            {
                found.Add(kept);
            }

            return;
        }

        for (var i = from; i < values.Length; i++)
        {
            dropped.Add(i);
            Drop(values, extra, i + 1, dropped, found, check);
            dropped.RemoveAt(dropped.Count - 1);
        }
    }

    /// <summary>Splits each integer cell into one or more parts so that the row has exactly <paramref name="remaining"/> parts.</summary>
    private static void Split(IReadOnlyList<LineCell> cells, int index, int remaining, List<decimal?> acc, List<decimal?[]> found, Func<decimal?[], bool> check)
    {
        if (found.Count >= MaxCandidates)
        {
            return;
        }

        var cellsLeft = cells.Count - index;
        if (cellsLeft == 0)
        {
            if (remaining == 0 && check([.. acc]))
            {
                found.Add([.. acc]);
            }

            return;
        }

        if (remaining < cellsLeft)
        {
            return;
        }

        var cell = cells[index];
        var digits = cell.Kind == CellKind.Number && cell.Text.All(char.IsAsciiDigit) ? cell.Text : null;
        var maxParts = digits is null ? 1 : Math.Min(digits.Length, remaining - (cellsLeft - 1));
        for (var parts = 1; parts <= maxParts; parts++)
        {
            if (parts == 1)
            {
                acc.Add(cell.Value);
                Split(cells, index + 1, remaining - 1, acc, found, check);
                acc.RemoveAt(acc.Count - 1);
            }
            else
            {
                foreach (var pieces in Pieces(digits!, parts))
                {
                    acc.AddRange(pieces.Select(p => (decimal?)p));
                    Split(cells, index + 1, remaining - parts, acc, found, check);
                    acc.RemoveRange(acc.Count - parts, parts);
                    if (found.Count >= MaxCandidates)
                    {
                        return;
                    }
                }
            }
        }
    }

    /// <summary>Every way to cut a digit string into <paramref name="parts"/> numbers without leading zeros.</summary>
    public static IEnumerable<long[]> Pieces(string digits, int parts)
    {
        var cuts = new int[parts + 1];
        cuts[parts] = digits.Length;
        return Cut(digits, parts, 1, cuts);
    }

    private static IEnumerable<long[]> Cut(string digits, int parts, int k, int[] cuts)
    {
        if (k == parts)
        {
            var result = new long[parts];
            for (var i = 0; i < parts; i++)
            {
                var piece = digits[cuts[i]..cuts[i + 1]];
                if ((piece.Length > 1 && piece[0] == '0') || piece.Length > 12)
                {
                    yield break;
                }

                result[i] = long.Parse(piece, System.Globalization.CultureInfo.InvariantCulture);
            }

            yield return result;
            yield break;
        }

        for (var c = cuts[k - 1] + 1; c <= digits.Length - (parts - k); c++)
        {
            cuts[k] = c;
            foreach (var r in Cut(digits, parts, k + 1, cuts))
            {
                yield return r;
            }
        }
    }

    private static List<decimal?[]> Distinct(List<decimal?[]> candidates)
    {
        var seen = new HashSet<string>();
        var result = new List<decimal?[]>();
        foreach (var c in candidates)
        {
            if (seen.Add(string.Join(',', c)))
            {
                result.Add(c);
            }
        }

        return result;
    }
}
