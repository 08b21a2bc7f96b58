namespace Gongkai.Documents.Reading.Ocr;

/// <summary>Σ<paramref name="Left"/> = Σ<paramref name="Right"/> over cell paths.</summary>
public sealed record CellEquation(IReadOnlyList<string> Left, IReadOnlyList<string> Right)
{
    public IEnumerable<string> Cells => Left.Concat(Right);
}

/// <summary>
/// Decides which numbers read by OCR may be kept: a cell is kept when at least one equation it is
/// in holds with every cell known — and is a real sum, not one number equal to another — and none
/// of its equations fails. A cell the two readings disagree
/// on is kept only when an equation whose other cells are all kept demands exactly one of its
/// readings. Nothing is ever guessed: a value the arithmetic demands but neither reading saw is
/// not written in. A reading the arithmetic demands also confirms the other known cells of that
/// equation (they are read, and nothing contradicts them).
/// </summary>
public static class OcrConfirmation
{
    public sealed record Result(IReadOnlyDictionary<string, decimal> Kept, IReadOnlySet<string> Derived);

    /// <param name="values">Cells both readings agree on.</param>
    /// <param name="candidates">Cells the readings disagree on, with every value either reading gave.</param>
    public static Result Confirm(IReadOnlyDictionary<string, decimal> values, IReadOnlyDictionary<string, IReadOnlyList<decimal>> candidates, IReadOnlyList<CellEquation> equations)
    {
        var current = values.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var derived = new HashSet<string>(StringComparer.Ordinal);
        var byCell = new Dictionary<string, List<CellEquation>>(StringComparer.Ordinal);
        foreach (var e in equations)
        {
            foreach (var c in e.Cells)
            {
                (byCell.TryGetValue(c, out var list) ? list : byCell[c] = []).Add(e);
            }
        }

        var kept = Kept(current, byCell);
        var contradicted = Contradicted(current, equations);
        for (var round = 0; round < 20; round++)
        {
            var changed = false;
            foreach (var e in equations)
            {
                // Exactly one cell unknown, and no known cell of the equation contradicted by another equation.
                var open = e.Cells.Where(c => !current.ContainsKey(c)).Distinct(StringComparer.Ordinal).ToArray();
                if (open.Length != 1 || !candidates.TryGetValue(open[0], out var readings) || e.Cells.Any(contradicted.Contains))
                {
                    continue;
                }

                var cell = open[0];
                var sideOfCell = e.Left.Contains(cell, StringComparer.Ordinal) ? e.Left : e.Right;
                var other = ReferenceEquals(sideOfCell, e.Left) ? e.Right : e.Left;
                var demanded = other.Sum(c => current[c]) - sideOfCell.Where(c => c != cell).Sum(c => current[c]);
                if (readings.Contains(demanded))
                {
                    current[cell] = demanded;
                    derived.Add(cell);
                    changed = true;
                }
            }

            if (!changed)
            {
                break;
            }

            kept = Kept(current, byCell);
            contradicted = Contradicted(current, equations);
        }

        return new Result(current.Where(p => kept.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), derived);
    }

    private static HashSet<string> Contradicted(Dictionary<string, decimal> values, IReadOnlyList<CellEquation> equations) =>
        equations.Where(e => Evaluate(e, values) == false).SelectMany(e => e.Cells).ToHashSet(StringComparer.Ordinal);

    private static HashSet<string> Kept(Dictionary<string, decimal> values, Dictionary<string, List<CellEquation>> byCell)
    {
        var kept = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (cell, _) in values)
        {
            if (!byCell.TryGetValue(cell, out var eqs))
            {
                continue;
            }

            var holds = false;
            var fails = false;
            foreach (var e in eqs)
            {
                if (Evaluate(e, values) is { } ok)
                {
                    holds |= ok && !IsCopy(e, values);
                    fails |= !ok;
                }
            }

            if (holds && !fails)
            {
                kept.Add(cell);
            }
        }

        return kept;
    }

    /// <summary>
    /// One non-zero cell on each side: the equation only says the two are equal, and the same number
    /// printed twice is misread the same way twice (a 4 cut to a 1 in both cells). It can refute,
    /// never confirm.
    /// </summary>
    private static bool IsCopy(CellEquation e, IReadOnlyDictionary<string, decimal> values) =>
        e.Left.Count(c => values[c] != 0) == 1 && e.Right.Count(c => values[c] != 0) == 1;

    /// <summary>Whether the equation holds; null when a cell of it is unknown.</summary>
    public static bool? Evaluate(CellEquation e, IReadOnlyDictionary<string, decimal> values)
    {
        decimal left = 0, right = 0;
        foreach (var c in e.Left)
        {
            if (!values.TryGetValue(c, out var v))
            {
                return null;
            }

            left += v;
        }

        foreach (var c in e.Right)
        {
            if (!values.TryGetValue(c, out var v))
            {
                return null;
            }

            right += v;
        }

        return left == right;
    }
}
