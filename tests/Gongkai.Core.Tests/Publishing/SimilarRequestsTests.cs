using Gongkai.Core.Publishing;

namespace Gongkai.Core.Tests.Publishing;

public class SimilarRequestsTests
{
    private static readonly DateOnly Today = new(2026, 11, 2);

    [Theory]
    [InlineData("申请公开灯塔路街道2026年加装电梯补贴发放名单", "请求公开灯塔路街道2026年度加装电梯补贴的发放名单", true)]
    [InlineData("申请公开灯塔路街道加装电梯补贴发放名单", "我想要灯塔路街道加装电梯补贴的发放名单和标准", true)]
    [InlineData("申请公开灯塔路街道加装电梯补贴发放名单", "申请公开灯塔路街道2025年部门决算", false)]
    [InlineData("申请公开2026年老旧小区改造实施方案", "申请公开2026年城乡居民最低生活保障审批名单", false)]
    public void Paraphrases_AreAlike_AndDifferentRequestsAreNot(string a, string b, bool alike) =>
        Assert.Equal(alike, SimilarRequests.Similarity(SimilarRequests.Grams(a), SimilarRequests.Grams(b)) >= SimilarRequests.Threshold);

    [Fact]
    public void ThreeAlikeRequestsWithinAYear_MakeAGroup_TwoDoNot_NorOldOnes()
    {
        RequestText R(string n, int daysAgo, string d) => new(n, Today.AddDays(-daysAgo), d);
        var requests = new[]
        {
            R("A", 200, "申请公开灯塔路街道2026年加装电梯补贴发放名单"),
            R("B", 100, "请求公开灯塔路街道2026年度加装电梯补贴的发放名单"),
            R("C", 10, "灯塔路街道加装电梯补贴发放名单（2026年）"),
            R("D", 50, "申请公开灯塔路街道2025年部门决算"),
            R("E", 40, "灯塔路街道2025年部门决算"),
            R("F", 400, "申请公开灯塔路街道2025年部门决算"),
        };
        var group = Assert.Single(SimilarRequests.Groups(requests, Today));
        Assert.Equal("A", group.Key);
        Assert.Equal(["A", "B", "C"], group.Requests.Select(r => r.TrackingNumber).ToArray());
    }
}
