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

    /// <summary>Most readings tried for one row, valid or not; beyond it the row is reported unreadable.</summary>
    public const int MaxAttempts = 200_000;

    /// <summary>Longest digit run considered for splitting (15 cells of up to 6 digits).</summary>
    public const int MaxGluedDigits = 90;

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
        var budget = new Budget();
        Split(cells, 0, expected, [], glued, rowCheck, budget);
        return (budget.Exhausted ? [] : Distinct(glued), Recovery.Glued);
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

    private sealed class Budget
    {
        public int Attempts { get; set; }

        public bool Exhausted => Attempts >= MaxAttempts;
    }

    /// <summary>Splits each integer cell into one or more parts so that the row has exactly <paramref name="remaining"/> parts.</summary>
    private static void Split(IReadOnlyList<LineCell> cells, int index, int remaining, List<decimal?> acc, List<decimal?[]> found, Func<decimal?[], bool> check, Budget budget)
    {
        if (found.Count >= MaxCandidates || budget.Exhausted)
        {
            return;
        }

        var cellsLeft = cells.Count - index;
        if (cellsLeft == 0)
        {
            budget.Attempts++;
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
        var digits = cell.Kind == CellKind.Number && cell.Text.Length <= MaxGluedDigits && cell.Text.All(char.IsAsciiDigit) ? cell.Text : null;
        var maxParts = digits is null ? 1 : Math.Min(digits.Length, remaining - (cellsLeft - 1));
        for (var parts = 1; parts <= maxParts; parts++)
        {
            if (parts == 1)
            {
                acc.Add(cell.Value);
                Split(cells, index + 1, remaining - 1, acc, found, check, budget);
                acc.RemoveAt(acc.Count - 1);
            }
            else
            {
                foreach (var pieces in Pieces(digits!, parts, budget))
                {
                    acc.AddRange(pieces.Select(p => (decimal?)p));
                    Split(cells, index + 1, remaining - parts, acc, found, check, budget);
                    acc.RemoveRange(acc.Count - parts, parts);
                    budget.Attempts++;
                    if (found.Count >= MaxCandidates || budget.Exhausted)
                    {
                        return;
                    }
                }
            }
        }
    }

    /// <summary>Longest single number a glued run is cut into (a count below one billion).</summary>
    public const int MaxPieceDigits = 9;

    /// <summary>Every way to cut a digit string into <paramref name="parts"/> numbers without leading zeros.</summary>
    public static IEnumerable<long[]> Pieces(string digits, int parts) => Pieces(digits, parts, new Budget());

    private static IEnumerable<long[]> Pieces(string digits, int parts, Budget budget)
    {
        var result = new long[parts];
        return Cut(digits, 0, 0, result, budget);
    }

    /// <summary>Chooses each piece in turn, pruning cuts that cannot work before going deeper.</summary>
    private static IEnumerable<long[]> Cut(string digits, int at, int piece, long[] result, Budget budget)
    {
        var partsLeft = result.Length - piece;
        var digitsLeft = digits.Length - at;
        if (partsLeft == 0)
        {
            if (digitsLeft == 0)
            {
                yield return (long[])result.Clone();
            }

            yield break;
        }

        if (digitsLeft < partsLeft || digitsLeft > partsLeft * MaxPieceDigits || budget.Exhausted)
        {
            yield break;
        }

        var maxLength = digits[at] == '0' ? 1 : Math.Min(MaxPieceDigits, digitsLeft - (partsLeft - 1));
        for (var length = 1; length <= maxLength; length++)
        {
            budget.Attempts++;
            result[piece] = long.Parse(digits.AsSpan(at, length), System.Globalization.CultureInfo.InvariantCulture);
            foreach (var r in Cut(digits, at + length, piece + 1, result, budget))
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
