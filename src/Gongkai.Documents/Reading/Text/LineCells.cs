using System.Globalization;
using System.Text.RegularExpressions;

namespace Gongkai.Documents.Reading.Text;

public enum CellKind
{
    Text,
    Number,
    Blank,
}

/// <summary>One cell of a line: text, a number (as written), or an empty cell between tabs.</summary>
public readonly record struct LineCell(CellKind Kind, string Text)
{
    public decimal? Value => Kind == CellKind.Number ? LineCells.ParseNumber(Text) : null;
}

/// <summary>Splits a line of extracted text into cells.</summary>
public static partial class LineCells
{
    /// <summary>Markers some reports put in a cell for "none"; read as blank, never as 0.</summary>
    private static readonly HashSet<string> _noneMarkers = ["-", "--", "/", "无", "—", "——"];

    /// <summary>
    /// With tabs, every tab separates a cell (empty cells are <see cref="CellKind.Blank"/>).
    /// Without, cells are split on whitespace. A text cell ending in digits (a label with its
    /// value glued on, e.g. 「二、上年结转…数量0」) is split into the label and the number.
    /// </summary>
    public static List<LineCell> Split(string line)
    {
        var result = new List<LineCell>();
        if (line.Contains('\t', StringComparison.Ordinal))
        {
            foreach (var raw in line.Split('\t'))
            {
                var cell = raw.Trim();
                if (cell.Length == 0)
                {
                    result.Add(new LineCell(CellKind.Blank, ""));
                    continue;
                }

                AddText(result, cell, tabbed: true);
            }
        }
        else
        {
            foreach (var token in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                AddText(result, token, tabbed: false);
            }
        }

        return result;
    }

    private static void AddText(List<LineCell> result, string cell, bool tabbed)
    {
        if (_noneMarkers.Contains(cell))
        {
            result.Add(new LineCell(CellKind.Blank, cell));
            return;
        }

        if (tabbed && cell.Contains(' ', StringComparison.Ordinal) && cell.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(IsNumber))
        {
            foreach (var part in cell.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                result.Add(new LineCell(CellKind.Number, Clean(part)));
            }

            return;
        }

        if (IsNumber(cell))
        {
            result.Add(new LineCell(CellKind.Number, Clean(cell)));
            return;
        }

        // A unit written inside the cell (「256146万元」「12件」).
        if (char.IsAsciiDigit(cell[0]) && UnitSuffix().Match(cell) is { Success: true } unit && IsNumber(unit.Groups[1].Value))
        {
            result.Add(new LineCell(CellKind.Number, Clean(unit.Groups[1].Value)));
            return;
        }

        // The 2019 edition's signed 本年增/减 glued to its neighbours (「97+82179」): the sign separates
        // 上一年项目数量 from the rest, which the row's reader splits or reports.
        if (SignedGlue().Match(cell) is { Success: true } signed)
        {
            result.Add(new LineCell(CellKind.Number, signed.Groups[1].Value));
            result.Add(new LineCell(CellKind.Number, (signed.Groups[2].Value == "-" ? "-" : "") + signed.Groups[3].Value));
            return;
        }

        var m = char.IsAsciiDigit(cell[^1]) ? TrailingDigits().Match(cell) : Match.Empty;
        if (m.Success && m.Index > 0 && !NumberingOnly().IsMatch(cell))
        {
            result.Add(new LineCell(CellKind.Text, cell[..m.Index]));
            result.Add(new LineCell(CellKind.Number, m.Value));
            return;
        }

        result.Add(new LineCell(CellKind.Text, cell));
    }

    /// <summary>
    /// A number as reports write it: optional minus, digits (optionally grouped by commas in
    /// threes), optional decimals. Hand-written: it runs on every cell of every table line.
    /// </summary>
    public static bool IsNumber(string s)
    {
        var i = s.Length > 0 && s[0] == '-' ? 1 : 0;
        var start = i;
        var groupDigits = 0;
        var grouped = false;
        for (; i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == ','); i++)
        {
            if (s[i] == ',')
            {
                if (i == start || (grouped ? groupDigits != 3 : groupDigits > 3))
                {
                    return false;
                }

                grouped = true;
                groupDigits = 0;
            }
            else
            {
                groupDigits++;
            }
        }

        if (i == start || groupDigits == 0 || (grouped && groupDigits != 3))
        {
            return false;
        }

        if (i == s.Length)
        {
            return true;
        }

        if (s[i] != '.' || i == s.Length - 1)
        {
            return false;
        }

        for (i++; i < s.Length; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static string Clean(string s) => s.Contains(',', StringComparison.Ordinal) ? s.Replace(",", "", StringComparison.Ordinal) : s;

    public static decimal? ParseNumber(string s)
    {
        if (s.Length is > 0 and <= 9 && s.All(char.IsAsciiDigit))
        {
            var v = 0;
            foreach (var ch in s)
            {
                v = (v * 10) + (ch - '0');
            }

            return v;
        }

        return decimal.TryParse(Clean(s), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? d : null;
    }

    /// <summary>Digits at the end of a label that does not end in a row number like 「1.」.</summary>
    [GeneratedRegex(@"(?<=[\p{IsCJKUnifiedIdeographs})\]）”])\d+(\.\d+)?$")]
    private static partial Regex TrailingDigits();

    [GeneratedRegex(@"^(\d[\d,]*(?:\.\d+)?)(?:万元|元|件|条|个|项|次|家)$")]
    private static partial Regex UnitSuffix();

    [GeneratedRegex(@"^(\d+)([+\-])(\d+)$")]
    private static partial Regex SignedGlue();

    [GeneratedRegex(@"^\d+[.、]$")]
    private static partial Regex NumberingOnly();
}
