using Gongkai.Documents.Reading.Ocr;

namespace Gongkai.Documents.Tests.Reading.Ocr;

/// <summary>Which numbers read by OCR the arithmetic lets through.</summary>
public class OcrConfirmationTests
{
    // Two rows of parts and totals, and a column: a + b = t, c + d = u, a + c = s.
    private static readonly CellEquation[] _equations =
    [
        new(["a", "b"], ["t"]),
        new(["c", "d"], ["u"]),
        new(["a", "c"], ["s"]),
    ];

    private static OcrConfirmation.Result Confirm(Dictionary<string, decimal> values, Dictionary<string, IReadOnlyList<decimal>>? candidates = null) =>
        OcrConfirmation.Confirm(values, candidates ?? [], _equations);

    [Fact]
    public void EveryCellOfHoldingEquations_IsKept()
    {
        var result = Confirm(new() { ["a"] = 1, ["b"] = 2, ["t"] = 3, ["c"] = 4, ["d"] = 2, ["u"] = 6, ["s"] = 5 });
        Assert.Equal(7, result.Kept.Count);
    }

    [Fact]
    public void AMisreadCell_IsRefused_WithTheCellsItsFailingEquationsShare_UnlessAnotherEquationConfirmsThem()
    {
        // b was 2, read as 7: a + b = t fails. a is also in a + c = s, which holds, but a is in a failing equation too.
        var result = Confirm(new() { ["a"] = 1, ["b"] = 7, ["t"] = 3, ["c"] = 4, ["d"] = 2, ["u"] = 6, ["s"] = 5 });

        Assert.DoesNotContain("b", result.Kept.Keys);
        Assert.DoesNotContain("t", result.Kept.Keys);
        Assert.DoesNotContain("a", result.Kept.Keys);
        Assert.Equal(["c", "d", "s", "u"], result.Kept.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ACellInNoEvaluableEquation_IsNotKept()
    {
        var result = Confirm(new() { ["a"] = 1, ["b"] = 2 });
        Assert.Empty(result.Kept);
    }

    [Fact]
    public void AnUnsureCell_IsKept_WhenTheArithmeticDemandsOneOfItsReadings()
    {
        var result = Confirm(
            new() { ["a"] = 1, ["t"] = 3, ["c"] = 4, ["d"] = 2, ["u"] = 6, ["s"] = 5 },
            new() { ["b"] = [2, 7] });

        Assert.Equal(2, result.Kept["b"]);
        Assert.Contains("b", result.Derived);
        Assert.Equal(1, result.Kept["a"]);
    }

    [Fact]
    public void AnUnsureCell_IsNeverGivenAValueNoReadingSaw()
    {
        var result = Confirm(
            new() { ["a"] = 1, ["t"] = 3, ["c"] = 4, ["d"] = 2, ["u"] = 6, ["s"] = 5 },
            new() { ["b"] = [5, 7] });

        Assert.DoesNotContain("b", result.Kept.Keys);
        Assert.Empty(result.Derived);
    }

    [Fact]
    public void AnEquationSayingOnlyThatTwoNumbersAreEqual_ConfirmsNeither()
    {
        // a + b = t with b = 0: a 4 printed in a and in t, cut to 1 in both, still "adds up".
        var result = Confirm(new() { ["a"] = 1, ["b"] = 0, ["t"] = 1 });
        Assert.Empty(result.Kept);

        var zeros = Confirm(new() { ["a"] = 0, ["b"] = 0, ["t"] = 0 });
        Assert.Equal(3, zeros.Kept.Count);
    }

    [Theory]
    [InlineData("7", "7", OcrCellKind.Number, "7")]
    [InlineData("１２", "12", OcrCellKind.Number, "12")]
    [InlineData("]", "1", OcrCellKind.Number, "1")]
    [InlineData("", "9", OcrCellKind.Number, "9")]
    [InlineData("50", "50.", OcrCellKind.Number, "50")]
    [InlineData("8", "3", OcrCellKind.Unsure, "3")]
    [InlineData("", "", OcrCellKind.Unsure, "")]
    public void TwoReadings_AgreeOrNot(string chinese, string digits, OcrCellKind kind, string text)
    {
        var cell = NumberReading.Agree(chinese, digits);
        Assert.Equal(kind, cell.Kind);
        Assert.Equal(text, cell.Text);
    }

    [Fact]
    public void Readings_OfADisagreement_AreBothNumbers()
    {
        Assert.Equal([8m, 3m], NumberReading.Readings(NumberReading.Agree("8", "3").Seen));
        Assert.True(NumberReading.LooksNumeric("1,234"));
        Assert.False(NumberReading.LooksNumeric("自然人"));
    }
}
