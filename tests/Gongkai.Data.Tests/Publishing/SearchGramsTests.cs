using Gongkai.Data.Publishing;

namespace Gongkai.Data.Tests.Publishing;

public class SearchGramsTests
{
    [Theory]
    [InlineData("养老服务", "养老 老服 服务")]
    [InlineData("低保", "低保")]
    [InlineData("养老，服务", "养老 服务")]
    [InlineData("第3号 ABC", "第3 3号 ab bc")]
    [InlineData("单", "")]
    [InlineData("", "")]
    public void Of_GivesNeighbouringPairsWithinRunsOfLettersAndDigits(string text, string grams) =>
        Assert.Equal(grams, SearchGrams.Of(text));

    [Fact]
    public void Query_IsThePhraseOfEachTermsBigrams_OrNullWhenATermNeedsLike()
    {
        Assert.Equal("\"养老 老服 服务\" \"低保\"", SearchGrams.Query(["养老服务", "低保"]));
        Assert.Null(SearchGrams.Query(["养老", "单"]));
        Assert.Null(SearchGrams.Query(["100%"]));
        Assert.Null(SearchGrams.Query([]));
    }
}
