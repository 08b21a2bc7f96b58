using Gongkai.Core.Vocabulary;
using System.CommandLine;
using System.Globalization;
using Gongkai.Core.Cases;
using Gongkai.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Cli.Data;

/// <summary>
/// <c>gongkai appeals add|decide|list</c> (行政复议 and 行政诉讼, table 四) and
/// <c>gongkai normative add|repeal|list</c> (规章 and 规范性文件, table 二 第（一）项).
/// </summary>
public static class AppealCommands
{
    private static T Pick<T>(Vocabulary<T> values, string? key, string option)
        where T : struct, Enum =>
        key is not null && values.TryParse(key, out var value) ? value : throw new CliException($"{option} 应为 {string.Join("、", values.Codes)}（得到 {key}）");

    private static DateOnly? OptionalDate(string? text, string option) => text is null ? null : CliParsing.Date(text, option);

    private static int Run(string db, TimeProvider clock, Func<RecordStore, Task<string>> action, TextWriter stdout)
    {
        using var context = RecordsCommands.Open(db, clock);
        try
        {
            stdout.WriteLine(action(new RecordStore(context)).GetAwaiter().GetResult());
        }
        catch (RecordException e)
        {
            throw new CliException(e.Message);
        }

        return CliApp.Ok;
    }

    public static Command Appeals(TextWriter stdout, TimeProvider clock)
    {
        var db = DbCommands.DbOption();
        var agency = new Option<string>("--agency") { Description = "被申请复议或被诉的机关编号", Required = true };
        var kind = new Option<string>("--kind") { Description = "reconsideration（行政复议）、litigation-direct（未经复议直接起诉）或 litigation-after-reconsideration（复议后起诉）", Required = true };
        var filed = new Option<string>("--filed-on") { Description = "申请复议或起诉日期 yyyy-MM-dd", Required = true };
        var application = new Option<string?>("--application") { Description = "所涉政府信息公开申请的编号" };
        var result = new Option<string?>("--result") { Description = "upheld（维持）、corrected（纠正）或 other（其他）；尚未审结的不填" };
        var decided = new Option<string?>("--decided-on") { Description = "审结日期 yyyy-MM-dd" };
        var add = new Command("add", "登记一件行政复议或行政诉讼") { db, agency, kind, filed, application, result, decided };
        add.SetAction(parse => Run(parse.GetValue(db)!, clock, async store =>
        {
            var record = new AppealRecord(parse.GetValue(application), Pick(Vocabularies.AppealKinds, parse.GetValue(kind), "--kind"), CliParsing.Date(parse.GetValue(filed)!, "--filed-on"),
                parse.GetValue(result) is { } r ? Pick(Vocabularies.AppealResults, r, "--result") : null, OptionalDate(parse.GetValue(decided), "--decided-on"));
            var row = await store.AddAppealAsync(parse.GetValue(agency)!, record, "命令行");
            return $"已登记复议或诉讼 {row.Id.ToString(CultureInfo.InvariantCulture)}";
        }, stdout));

        var id = new Argument<long>("ID") { Description = "复议或诉讼编号（appeals list 的第一列）" };
        var result2 = new Option<string>("--result") { Description = "upheld、corrected 或 other", Required = true };
        var decided2 = new Option<string>("--decided-on") { Description = "审结日期 yyyy-MM-dd", Required = true };
        var decide = new Command("decide", "登记复议或诉讼的审结结果") { db, id, result2, decided2 };
        decide.SetAction(parse => Run(parse.GetValue(db)!, clock, async store =>
        {
            await store.DecideAppealAsync(parse.GetValue(id), Pick(Vocabularies.AppealResults, parse.GetValue(result2), "--result"), CliParsing.Date(parse.GetValue(decided2)!, "--decided-on"), "命令行");
            return $"已登记审结结果 {parse.GetValue(id).ToString(CultureInfo.InvariantCulture)}";
        }, stdout));

        var listAgency = new Option<string>("--agency") { Description = "机关编号", Required = true };
        var list = new Command("list", "列出复议和诉讼：编号<TAB>类别<TAB>申请日期<TAB>结果<TAB>审结日期<TAB>申请编号") { db, listAgency };
        list.SetAction(parse =>
        {
            using var context = RecordsCommands.Open(parse.GetValue(db)!, clock);
            foreach (var a in context.Appeals.AsNoTracking().Where(a => a.AgencyId == parse.GetValue(listAgency)).OrderBy(a => a.FiledOn).ThenBy(a => a.Id))
            {
                var k = Vocabularies.AppealKinds.Code((AppealKind)a.Kind);
                var r = a.Result is { } v ? Vocabularies.AppealResults.Code((AppealResult)v) : "pending";
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{a.Id}\t{k}\t{a.FiledOn:yyyy-MM-dd}\t{r}\t{a.DecidedOn:yyyy-MM-dd}\t{a.ApplicationTrackingNumber}"));
            }

            return CliApp.Ok;
        });
        return new Command("appeals", "行政复议和行政诉讼（年报表四）") { add, decide, list };
    }

    public static Command Normative(TextWriter stdout, TimeProvider clock)
    {
        var db = DbCommands.DbOption();
        var agency = new Option<string>("--agency") { Description = "制发机关编号", Required = true };
        var title = new Option<string>("--title") { Description = "文件名称", Required = true };
        var kind = new Option<string>("--kind") { Description = "rule（规章）或 normative（行政规范性文件）", Required = true };
        var issued = new Option<string>("--issued-on") { Description = "制发日期 yyyy-MM-dd", Required = true };
        var repealed = new Option<string?>("--repealed-on") { Description = "废止日期 yyyy-MM-dd" };
        var add = new Command("add", "登记规章或行政规范性文件") { db, agency, title, kind, issued, repealed };
        add.SetAction(parse => Run(parse.GetValue(db)!, clock, async store =>
        {
            var record = new NormativeRecord(parse.GetValue(title)!, Pick(Vocabularies.NormativeKinds, parse.GetValue(kind), "--kind"), CliParsing.Date(parse.GetValue(issued)!, "--issued-on"),
                OptionalDate(parse.GetValue(repealed), "--repealed-on"));
            var row = await store.AddNormativeAsync(parse.GetValue(agency)!, record, "命令行");
            return $"已登记文件 {row.Id.ToString(CultureInfo.InvariantCulture)}";
        }, stdout));

        var id = new Argument<long>("ID") { Description = "文件编号（normative list 的第一列）" };
        var on = new Option<string>("--on") { Description = "废止日期 yyyy-MM-dd", Required = true };
        var repeal = new Command("repeal", "登记文件废止") { db, id, on };
        repeal.SetAction(parse => Run(parse.GetValue(db)!, clock, async store =>
        {
            await store.RepealNormativeAsync(parse.GetValue(id), CliParsing.Date(parse.GetValue(on)!, "--on"), "命令行");
            return $"已登记废止 {parse.GetValue(id).ToString(CultureInfo.InvariantCulture)}";
        }, stdout));

        var listAgency = new Option<string>("--agency") { Description = "机关编号", Required = true };
        var list = new Command("list", "列出文件：编号<TAB>类别<TAB>制发日期<TAB>废止日期<TAB>名称") { db, listAgency };
        list.SetAction(parse =>
        {
            using var context = RecordsCommands.Open(parse.GetValue(db)!, clock);
            foreach (var n in context.NormativeDocuments.AsNoTracking().Where(n => n.AgencyId == parse.GetValue(listAgency)).OrderBy(n => n.IssuedOn).ThenBy(n => n.Id))
            {
                var k = Vocabularies.NormativeKinds.Code((NormativeKind)n.Kind);
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{n.Id}\t{k}\t{n.IssuedOn:yyyy-MM-dd}\t{n.RepealedOn:yyyy-MM-dd}\t{n.Title}"));
            }

            return CliApp.Ok;
        });
        return new Command("normative", "规章和行政规范性文件（年报表二第（一）项）") { add, repeal, list };
    }
}
