namespace Gongkai.Cli.Tests.Data;

public class CaseStepCommandTests
{
    private const string Header = "tracking_number,agency_id,applicant_type,channel,received_on,applicant_name,phone,description,id_number,credit_code,decided_on,outcome";

    [Fact]
    public void NoCorrection_IsRefusedBeforeTheCorrectionPeriod_AndAcceptedAfterIt()
    {
        using var dir = new TempDir();
        var db = Path.Combine(dir.Path, "c.db");
        Assert.Equal(0, CliRunner.Run("agencies", "add", "--db", db, "--id", "JD", "--name", "灯塔路街道办事处").ExitCode);
        var csv = dir.File("cases.csv", Header + "\nGK-1,JD,自然人,online,2025-02-27,张三,13800000000,某文件,,,,\n");
        Assert.Equal(0, CliRunner.Run("cases", "import", csv, "--db", db).ExitCode);

        var requested = CliRunner.RunAt(new DateOnly(2025, 3, 3), "cases", "step", "GK-1", "--db", db, "--kind", "correction-requested", "--reasons", "请写明文件名称");
        Assert.Equal(0, requested.ExitCode);
        Assert.Equal("已登记 告知补正", requested.FirstLine);
        Assert.Contains("待补正（期限中止）", requested.Out, StringComparison.Ordinal);

        var early = CliRunner.RunAt(new DateOnly(2025, 3, 10), "cases", "step", "GK-1", "--db", db, "--kind", "decided", "--outcome", "NoCorrection");
        Assert.Equal(1, early.ExitCode);
        Assert.Contains("补正期限至 2025-03-24 届满", early.Err, StringComparison.Ordinal);

        var future = CliRunner.RunAt(new DateOnly(2025, 3, 10), "cases", "step", "GK-1", "--db", db, "--kind", "decided", "--outcome", "NoCorrection", "--on", "2025-03-25");
        Assert.Equal(2, future.ExitCode);

        var late = CliRunner.RunAt(new DateOnly(2025, 3, 25), "cases", "step", "GK-1", "--db", db, "--kind", "decided", "--outcome", "NoCorrection");
        Assert.Equal(0, late.ExitCode);
        Assert.Equal("已登记 作出答复", late.FirstLine);
        Assert.Contains("已答复", late.Out, StringComparison.Ordinal);
    }
}
