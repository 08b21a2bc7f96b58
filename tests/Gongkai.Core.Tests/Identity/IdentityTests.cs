using Gongkai.Core.Identity;

namespace Gongkai.Core.Tests.Identity;

public class IdentityTests
{
    [Theory]
    [InlineData("11010519491231002X")] // the example of GB 11643-1999
    [InlineData("440524188001010014")] // GB 11643-1999 example: born 1880
    [InlineData("11010519491231002x")] // lower-case x accepted
    public void ResidentIdNumber_ValidExamples(string value)
    {
        var id = ResidentIdNumber.TryParse(value, new DateOnly(2026, 6, 1), out var error);
        Assert.Null(error);
        Assert.NotNull(id);
        Assert.Equal(value.ToUpperInvariant(), id.Value);
    }

    [Theory]
    [InlineData("110105194912310021", "校验码")]
    [InlineData("11010519491231002", "18 位")]
    [InlineData("1101051949123100AX", "第 17 位")]
    [InlineData("110105194913310027", "出生日期")]
    public void ResidentIdNumber_InvalidSaysWhy(string value, string reason)
    {
        Assert.Null(ResidentIdNumber.TryParse(value, new DateOnly(2026, 6, 1), out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void ResidentIdNumber_BornAfterTheDayItIsGiven_IsRefused()
    {
        // Born 2026-06-02 (check character computed): valid from that day on, not the day before.
        var first17 = "11010520260602001";
        var number = first17 + ResidentIdNumber.CheckCharacter(first17);
        Assert.Null(ResidentIdNumber.TryParse(number, new DateOnly(2026, 6, 1), out var error));
        Assert.Contains("出生日期", error, StringComparison.Ordinal);
        Assert.NotNull(ResidentIdNumber.TryParse(number, new DateOnly(2026, 6, 2), out _));
    }

    [Fact]
    public void ResidentIdNumber_IsMaskedWhenPrinted()
    {
        var id = ResidentIdNumber.Parse("11010519491231002X");
        Assert.Equal("110105********002X", id.ToString());
        Assert.Equal(new DateOnly(1949, 12, 31), id.BirthDate);
    }

    [Theory]
    [InlineData("11370812004339255B")] // 索引号 prefixes seen on government sites (gip-rules §6.3)
    [InlineData("113708280043326001")]
    [InlineData("11341702486344515H")]
    [InlineData("911100001000128855")]
    public void CreditCode_ValidExamples(string value)
    {
        var code = CreditCode.TryParse(value, out var error);
        Assert.Null(error);
        Assert.Equal(value, code!.Value);
    }

    [Theory]
    [InlineData("11370812004339255C", "校验码")]
    [InlineData("1137081200433925", "18 位")]
    [InlineData("11370812004339I55B", "不是有效字符")]
    [InlineData("11AB0812004339255B", "行政区划码")]
    public void CreditCode_InvalidSaysWhy(string value, string reason)
    {
        Assert.Null(CreditCode.TryParse(value, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void CreditCode_EverySingleCharacterTypoIsCaught()
    {
        const string valid = "11370812004339255B";
        for (var i = 0; i < 17; i++)
        {
            foreach (var ch in CreditCode.Alphabet.Where(c => c != valid[i]))
            {
                var typo = valid[..i] + ch + valid[(i + 1)..];
                Assert.Null(CreditCode.TryParse(typo, out _));
            }
        }
    }
}
