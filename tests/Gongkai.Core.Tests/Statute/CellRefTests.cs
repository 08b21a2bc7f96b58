using System.Text.Json;
using Gongkai.Core.Cases;
using Gongkai.Core.Reports;
using Gongkai.Core.Statute;

namespace Gongkai.Core.Tests.Statute;

public class CellRefTests
{
    [Theory]
    [InlineData(Edition.V2019)]
    [InlineData(Edition.V2021)]
    public void EveryCellRef_IsAPathOfTheJsonFormat(Edition edition)
    {
        using var json = JsonDocument.Parse(AnnualReportJson.Write(Testing.ReportGenerator.Consistent(new Random(3), edition)));
        JsonElement At(string path) => path.Split('.').Aggregate(json.RootElement, (e, key) => e.GetProperty(key));
        foreach (var row in RequestTable.Rows(edition))
        {
            foreach (var column in ApplicantColumns.All)
            {
                Assert.Equal(JsonValueKind.Number, At(CellRef.Of(row, column).Path).ValueKind);
            }
        }

        foreach (var row in ProactiveTable.Rows(edition))
        {
            Assert.All(row.Columns, c => Assert.NotEqual(JsonValueKind.Undefined, At(CellRef.Of(row, c.Key).Path).ValueKind));
        }

        foreach (var group in AppealTable.Groups)
        {
            Assert.All(AppealTable.Columns, c => Assert.Equal(JsonValueKind.Number, At(CellRef.Of(group, c).Path).ValueKind));
        }

        Assert.Equal("requests.withheld.stateSecret.natural", CellRef.Of(RequestTable.RowFor(Outcome.StateSecret, edition), ApplicantColumns.Natural).Path);
    }

    [Fact]
    public void AWithdrawnCase_CountsUnderOtherHandling()
    {
        var ledger = new Testing.CaseBuilder().ReceivedOn(2025, 3, 3).Then(new Withdrawn(new DateOnly(2025, 3, 10))).Build();
        Assert.Equal(OutcomeRules.Withdrawal, new ApplicationRecord("GK-1", ApplicantType.Natural, ledger).CountedOutcome);
        Assert.Equal("otherHandling.other", RequestTable.RowFor(OutcomeRules.Withdrawal, Edition.V2021).Key);
    }
}
