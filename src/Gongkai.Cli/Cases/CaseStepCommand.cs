using System.CommandLine;
using Gongkai.Core.Calendar;
using Gongkai.Core.Cases;
using Gongkai.Core.Vocabulary;
using Gongkai.Data.Cases;
using Gongkai.Cli.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Cli.Cases;

/// <summary>
/// <c>gongkai cases step NUMBER --kind K [--on D] …</c>: one ledger step from the command line, through
/// the same translation (<see cref="CaseActions"/>) and ledger checks as the case page and the API.
/// First line: 「已登记 {办理步骤}」, then the case's status; a refused step exits 1 with the ledger's reason.
/// </summary>
public static class CaseStepCommand
{
    public static Command Build(TextWriter stdout, TimeProvider clock)
    {
        var db = DbCommands.DbOption();
        var number = new Argument<string>("NUMBER") { Description = "申请编号" };
        var kind = new Option<string>("--kind") { Description = "办理步骤：" + string.Join("、", Vocabularies.EventKinds.Codes.Where(c => c != CaseEventCodes.Received)), Required = true };
        var on = new Option<string?>("--on") { Description = "办理日期 yyyy-MM-dd（默认今天）" };
        var outcome = new Option<string?>("--outcome") { Description = "答复结果（decided），如 Disclosed、PartlyDisclosed、NoCorrection" };
        var reasons = new Option<string?>("--reasons") { Description = "理由（decided），或需要补正的事项（correction-requested）" };
        var workdays = new Option<int?>("--workdays") { Description = "延期工作日数（extension-approved），或补正期限（correction-requested，默认 15）" };
        var party = new Option<string?>("--party") { Description = "征求意见对象（consultation-sent）：ThirdParty 或 Agency" };
        var actor = new Option<string>("--actor") { Description = "办理人（延期时为批准人）", DefaultValueFactory = _ => "命令行" };
        var command = new Command("step", "登记案件的一个办理步骤（与工作台、API 相同的台账规则）") { db, number, kind, on, outcome, reasons, workdays, party, actor };
        command.SetAction(parse =>
        {
            var today = clock.TodayInChina();
            var date = parse.GetValue(on) is { } text ? CliParsing.Date(text, "--on") : today;
            if (date > today)
            {
                throw new CliException("办理日期不能晚于今天");
            }

            var action = new CaseAction(parse.GetValue(kind), date, parse.GetValue(outcome), parse.GetValue(reasons), parse.GetValue(workdays), parse.GetValue(party));
            var e = CaseActions.ToEvent(action, parse.GetValue(actor)!) ?? throw new CliException(CaseActions.Incomplete);
            using var context = RecordsCommands.Open(parse.GetValue(db)!, clock);
            var trackingNumber = parse.GetValue(number)!;
            if (!context.Applications.AsNoTracking().Any(a => a.TrackingNumber == trackingNumber))
            {
                throw new CliException($"没有申请编号为 {trackingNumber} 的案件");
            }

            var store = new CaseStore(context);
            try
            {
                store.AppendAsync(trackingNumber, e, parse.GetValue(actor)!).GetAwaiter().GetResult();
            }
            catch (LedgerException ex)
            {
                throw new CliException(ex.Message, CliApp.Findings);
            }

            stdout.WriteLine($"已登记 {Vocabularies.EventKinds.Label(e.KindOf())}");
            var record = store.LoadAsync(trackingNumber).GetAwaiter().GetResult()!;
            stdout.WriteLine($"状态：{Gongkai.Core.Deadlines.DeadlineStatus.Of(record.Ledger, today).Text}");
            return CliApp.Ok;
        });
        return command;
    }
}
