using Gongkai.Core.Vocabulary;
using System.CommandLine;
using System.Globalization;
using Gongkai.Core.Calendar;
using Gongkai.Core.Cases;
using Gongkai.Core.Deadlines;

namespace Gongkai.Cli.Calendar;

/// <summary>
/// <c>gongkai calendar …</c>: the working-day calendar and the statutory deadlines. The first line
/// of output is the bare answer; the explanation follows.
/// </summary>
public static class CalendarCommands
{
    public static Command Build(TextWriter stdout)
    {
        var calendar = new Command("calendar", "工作日日历：计算工作日与法定期限（节假日与调休以国务院通知为准）");
        calendar.Subcommands.Add(Workdays(stdout));
        calendar.Subcommands.Add(Add(stdout));
        calendar.Subcommands.Add(IsWorkday(stdout));
        calendar.Subcommands.Add(Deadline(stdout));
        return calendar;
    }

    private static WorkdayCalendar Cal => WorkdayCalendar.Default;

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Option<string> DateOption(string name, string description, bool required = true) =>
        new(name) { Description = description + "（yyyy-MM-dd）", Required = required };

    private static Command Workdays(TextWriter stdout)
    {
        var from = DateOption("--from", "起始日期");
        var to = DateOption("--to", "截止日期");
        var command = new Command("workdays", "两个日期之间（含首尾）的工作日天数") { from, to };
        command.SetAction(parse =>
        {
            var a = CliParsing.Date(parse.GetValue(from)!, "--from");
            var b = CliParsing.Date(parse.GetValue(to)!, "--to");
            if (b < a)
            {
                throw new CliException($"--to（{D(b)}）早于 --from（{D(a)}）");
            }

            stdout.WriteLine(Cal.CountWorkdays(a, b).ToString(CultureInfo.InvariantCulture));
            var off = new List<string>();
            var provisional = false;
            for (var d = a; d <= b; d = d.AddDays(1))
            {
                var day = Cal.Describe(d);
                provisional |= day.Provisional;
                if (day.Kind == DayKind.MakeupWorkday)
                {
                    off.Add($"  {D(d)}（{WorkdayCalendar.WeekdayName(d.DayOfWeek)}）：{day.Holiday}调休上班，计入");
                }
                else if (day.Kind == DayKind.Holiday)
                {
                    var end = d;
                    while (end < b && Cal.Describe(end.AddDays(1)) is { Kind: DayKind.Holiday } next && next.Holiday == day.Holiday)
                    {
                        end = end.AddDays(1);
                    }

                    off.Add($"  {D(d)} 至 {D(end)}：{day.Holiday}放假，不计");
                    d = end;
                }
            }

            stdout.WriteLine($"{D(a)} 至 {D(b)}，含首尾，周末不计；节假日与调休：{(off.Count == 0 ? "无" : "")}");
            foreach (var line in off)
            {
                stdout.WriteLine(line);
            }

            if (provisional)
            {
                stdout.WriteLine($"  注意：期间超出已公布的节假日安排（{Cal.FirstPublishedYear}–{Cal.LastPublishedYear}年），按周一至周五计，结果为暂定");
            }

            return CliApp.Ok;
        });
        return command;
    }

    private static Command Add(TextWriter stdout)
    {
        var from = DateOption("--from", "起算日期（当日不计入）");
        var days = new Option<int>("--days") { Description = "工作日天数", Required = true };
        var command = new Command("add", "起算日期之后第 N 个工作日（到期日）") { from, days };
        command.SetAction(parse =>
        {
            var start = CliParsing.Date(parse.GetValue(from)!, "--from");
            var n = CliParsing.NonNegative(parse.GetValue(days), "--days");
            var result = WorkdayPeriod.Compute(Cal, "到期日",
                string.Create(CultureInfo.InvariantCulture, $"{n}个工作日期限"), start, "起算日", n);
            stdout.WriteLine(D(result.Date));
            stdout.Write(result.ToText());
            return CliApp.Ok;
        });
        return command;
    }

    private static Command IsWorkday(TextWriter stdout)
    {
        var date = new Argument<string>("DATE") { Description = "日期（yyyy-MM-dd）" };
        var command = new Command("is-workday", "某日是否为工作日：输出 true 或 false") { date };
        command.SetAction(parse =>
        {
            var d = CliParsing.Date(parse.GetValue(date)!, "DATE");
            var day = Cal.Describe(d);
            stdout.WriteLine(day.IsWorkday ? "true" : "false");
            stdout.WriteLine($"{D(d)}（{WorkdayCalendar.WeekdayName(d.DayOfWeek)}）：{day.Reason}{(day.ProvisionalNote is { } note ? $"（{note}）" : "")}");
            return CliApp.Ok;
        });
        return command;
    }

    private static Command Deadline(TextWriter stdout)
    {
        var received = DateOption("--received", "收到申请之日（按第三十一条：当面为提交日，挂号为签收日，平信为确认日，网络/传真为双方确认日）");
        var channel = new Option<string>("--channel") { Description = "申请渠道", DefaultValueFactory = _ => "in-person" };
        channel.AcceptOnlyFromAmong([.. Vocabularies.Channels.Codes]);
        var correctionRequested = DateOption("--correction-requested", "发出补正通知之日", required: false);
        var correctionReceived = DateOption("--correction-received", "收到补正之日", required: false);
        var consultation = new Option<string[]>("--consultation")
        {
            Description = "征求意见：发出日[:答复日]（可多次）",
            AllowMultipleArgumentsPerToken = false,
        };
        var extension = new Option<int?>("--extension") { Description = "经批准延长的工作日数（最长 20）" };
        var approvedBy = new Option<string?>("--approved-by") { Description = "延期批准人", DefaultValueFactory = _ => "负责人" };
        var extensionOn = DateOption("--extension-on", "延期批准日（默认为收到申请之日）", required: false);
        var feeNotice = DateOption("--fee-notice-received", "申请人收到收费通知之日", required: false);
        var feePaid = DateOption("--fee-paid", "申请人缴费之日（收费通知至缴费期间不计入答复期限）", required: false);
        var command = new Command("deadline", "依申请公开的答复期限（含补正、征求意见、延期、收费），并说明计算过程")
        {
            received, channel, correctionRequested, correctionReceived, consultation, extension, approvedBy, extensionOn, feeNotice, feePaid,
        };
        command.SetAction(parse =>
        {
            var receipt = CliParsing.Date(parse.GetValue(received)!, "--received");
            var ledger = new CaseLedger(new ApplicationReceived(receipt, Vocabularies.Channels.Parse(parse.GetValue(channel)!)), Cal);
            var events = new List<CaseEvent>();
            if (parse.GetValue(correctionRequested) is { } cr)
            {
                events.Add(new CorrectionRequested(CliParsing.Date(cr, "--correction-requested")));
            }

            if (parse.GetValue(correctionReceived) is { } cc)
            {
                events.Add(new CorrectionReceived(CliParsing.Date(cc, "--correction-received")));
            }

            foreach (var c in parse.GetValue(consultation) ?? [])
            {
                var parts = c.Split(':');
                events.Add(new ConsultationSent(CliParsing.Date(parts[0], "--consultation"), ConsultationParty.ThirdParty));
                if (parts.Length > 1)
                {
                    events.Add(new ConsultationAnswered(CliParsing.Date(parts[1], "--consultation")));
                }
            }

            if (parse.GetValue(extension) is { } ext)
            {
                var on = parse.GetValue(extensionOn) is { } eo ? CliParsing.Date(eo, "--extension-on") : receipt;
                events.Add(new ExtensionApproved(on, ext, parse.GetValue(approvedBy) ?? ""));
            }

            if (parse.GetValue(feeNotice) is { } fn)
            {
                var date = CliParsing.Date(fn, "--fee-notice-received");
                events.Add(new FeeNoticeSent(date));
                events.Add(new FeeNoticeReceived(date));
            }

            if (parse.GetValue(feePaid) is { } fp)
            {
                events.Add(new FeePaid(CliParsing.Date(fp, "--fee-paid")));
            }

            try
            {
                foreach (var e in events.OrderBy(e => e.On))
                {
                    ledger.Append(e);
                }
            }
            catch (LedgerException e)
            {
                throw new CliException(e.Message);
            }

            var answer = CaseDeadlines.AnswerDue(ledger);
            stdout.WriteLine(answer is null ? "暂停（等待补正）" : D(answer.Date));
            if (answer is null)
            {
                stdout.WriteLine("已发出补正通知，答复期限停止计算；自收到补正的申请之日起重新计算20个工作日（条例第三十条）");
            }
            else
            {
                stdout.Write(answer.ToText());
            }

            if (ledger.CorrectionRequest is null)
            {
                stdout.Write(CaseDeadlines.CorrectionNoticeDue(ledger).ToText());
            }

            if (CaseDeadlines.FeePaymentDue(ledger) is { } fee)
            {
                stdout.Write(fee.ToText());
            }

            foreach (var problem in CaseDeadlines.Problems(ledger))
            {
                stdout.WriteLine($"问题：{problem}");
            }

            return CliApp.Ok;
        });
        return command;
    }
}
