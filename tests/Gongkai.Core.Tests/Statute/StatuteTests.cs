using Gongkai.Core.Statute;

namespace Gongkai.Core.Tests.Statute;

public class StatuteTests
{
    [Theory]
    [InlineData(2019, Edition.V2019)]
    [InlineData(2020, Edition.V2019)]
    [InlineData(2021, Edition.V2021)]
    [InlineData(2025, Edition.V2021)]
    public void EditionInForce_FollowsTheNotices(int year, Edition expected) =>
        Assert.Equal(expected, Editions.InForceFor(year));

    [Fact]
    public void Table3_Has23RowsIn2019And25In2021() // gip-rules §2.3
    {
        Assert.Equal(23, RequestTable.Rows(Edition.V2019).Count);
        Assert.Equal(25, RequestTable.Rows(Edition.V2021).Count);
    }

    [Fact]
    public void Table3_OtherHandlingIsOneRowIn2019AndThreeIn2021()
    {
        Assert.Single(RequestTable.Rows(Edition.V2019), r => r.Key.StartsWith("otherHandling", StringComparison.Ordinal));
        var rows2021 = RequestTable.Rows(Edition.V2021).Where(r => r.Group == RequestTable.GroupOtherHandling).Select(r => r.Label).ToArray();
        Assert.Equal(
            ["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
             "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
             "3.其他"],
            rows2021);
    }

    [Fact]
    public void Table3_OfficialLabelsInOrder()
    {
        var labels = RequestTable.Rows(Edition.V2021).Select(r => r.Label).ToArray();
        Assert.Equal("一、本年新收政府信息公开申请数量", labels[0]);
        Assert.Equal("二、上年结转政府信息公开申请数量", labels[1]);
        Assert.Equal("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", labels[3]);
        Assert.Equal("3.危及“三安全一稳定”", labels[6]);
        Assert.Equal("5.要求行政机关确认或重新出具已获取信息", labels[19]);
        Assert.Equal("（七）总计", labels[23]);
        Assert.Equal("四、结转下年度继续办理", labels[24]);
    }

    [Fact]
    public void EveryOutcome_HasExactlyOneRowInEachEdition()
    {
        foreach (var edition in Editions.All)
        {
            foreach (var outcome in Enum.GetValues<Outcome>())
            {
                Assert.Single(RequestTable.OutcomeRows(edition), r => r.Outcomes.Contains(outcome));
            }
        }

        Assert.Equal("otherHandling", RequestTable.RowFor(Outcome.UnpaidFee, Edition.V2019).Key);
        Assert.Equal("otherHandling.unpaidFee", RequestTable.RowFor(Outcome.UnpaidFee, Edition.V2021).Key);
    }

    [Fact]
    public void ApplicantColumns_AreSevenWithTotalLast()
    {
        Assert.Equal(["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"], ApplicantColumns.All.Select(c => c.Label));
        Assert.True(ApplicantColumns.All[^1].IsTotal);
        Assert.Equal(6, ApplicantColumns.Parts.Count);
    }

    [Fact]
    public void Table4_Has15Cells() => Assert.Equal(15, AppealTable.CellCount);

    [Fact]
    public void Table2_RowsAndColumnsPerEdition()
    {
        Assert.Equal(["rules", "normativeDocuments", "licensing", "penalties", "enforcement", "fees"], ProactiveTable.Rows(Edition.V2021).Select(r => r.Key));
        Assert.Equal(["rules", "normativeDocuments", "licensing", "otherServices", "penalties", "enforcement", "fees", "procurement"], ProactiveTable.Rows(Edition.V2019).Select(r => r.Key));
        Assert.Equal("行政规范性文件", ProactiveTable.Rows(Edition.V2021)[1].Label);
        Assert.Equal("规范性文件", ProactiveTable.Rows(Edition.V2019)[1].Label);
        Assert.Equal(["本年制发件数", "本年废止件数", "现行有效件数"], ProactiveTable.Rows(Edition.V2021)[0].Columns.Select(c => c.Label));
        Assert.Equal(CellKind.SignedCount, ProactiveTable.Rows(Edition.V2019)[2].Columns[1].Kind);
        Assert.Equal("本年收费金额（单位：万元）", ProactiveTable.Rows(Edition.V2021)[^1].Columns.Single().Label);
    }
}
