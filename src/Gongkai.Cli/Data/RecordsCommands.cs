using System.CommandLine;
using System.Globalization;
using Gongkai.Core.Reports.Rules;
using Gongkai.Data;
using Gongkai.Data.Demo;
using Gongkai.Data.Model;
using Gongkai.Data.Reports;
using Gongkai.Cli.Reports;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Cli.Data;

/// <summary><c>gongkai agencies list</c>, <c>gongkai demo seed</c>, <c>gongkai report generate</c>, <c>gongkai cases import</c>.</summary>
public static class RecordsCommands
{
    /// <summary>Opens and migrates the database named by <c>--db</c>, with one-line errors.</summary>
    internal static GongkaiDbContext Open(string db, TimeProvider clock)
    {
        try
        {
            var context = GongkaiDatabase.Open(db, clock);
            Migrator.Migrate(context);
            return context;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or ArgumentException)
        {
            throw new CliException($"无法打开数据库 {db}：{e.Message.Split('\n')[0]}");
        }
    }

    public static Command Agencies(TextWriter stdout, TimeProvider clock)
    {
        var db = DbCommands.DbOption();
        var list = new Command("list", "列出机关：每行「编号<TAB>名称<TAB>上级编号」，上级在前") { db };
        list.SetAction(parse =>
        {
            using var context = Open(parse.GetValue(db)!, clock);
            var all = context.Agencies.AsNoTracking().OrderBy(a => a.Id).ToList();
            var ordered = new List<AgencyRow>();
            var queue = new Queue<AgencyRow>(all.Where(a => a.ParentId is null || all.All(p => p.Id != a.ParentId)));
            while (queue.TryDequeue(out var next))
            {
                ordered.Add(next);
                foreach (var child in all.Where(a => a.ParentId == next.Id))
                {
                    queue.Enqueue(child);
                }
            }

            foreach (var a in ordered)
            {
                stdout.WriteLine($"{a.Id}\t{a.Name}\t{a.ParentId}");
            }

            return CliApp.Ok;
        });
        return new Command("agencies", "机关（政府及其部门、街道办事处）") { list, AddAgency(stdout, clock) };
    }

    private static Command AddAgency(TextWriter stdout, TimeProvider clock)
    {
        var db = DbCommands.DbOption();
        var id = new Option<string>("--id") { Description = "机关编号", Required = true };
        var name = new Option<string>("--name") { Description = "机关名称", Required = true };
        var parent = new Option<string?>("--parent") { Description = "上级机关编号" };
        var code = new Option<string?>("--credit-code") { Description = "统一社会信用代码（按 GB 32100 校验）" };
        var address = new Option<string?>("--address") { Description = "办公地址（指南）" };
        var hours = new Option<string?>("--hours") { Description = "办公时间（指南）" };
        var phone = new Option<string?>("--phone") { Description = "联系电话（指南）" };
        var fax = new Option<string?>("--fax") { Description = "传真号码（指南）" };
        var online = new Option<string?>("--online") { Description = "互联网联系方式（指南）" };
        var reconsideration = new Option<string?>("--reconsideration-body") { Description = "答复书所列的行政复议机关（不填则为上级机关）" };
        var court = new Option<string?>("--court") { Description = "答复书所列的管辖法院（不填则沿用上级机关的设置）" };
        var add = new Command("add", "新增或修改机关（写入审计日志）") { db, id, name, parent, code, address, hours, phone, fax, online, reconsideration, court };
        add.SetAction(parse =>
        {
            using var context = Open(parse.GetValue(db)!, clock);
            var input = new Gongkai.Data.Agencies.AgencyInput(parse.GetValue(id)!, parse.GetValue(name)!, parse.GetValue(parent), parse.GetValue(code),
                parse.GetValue(address), parse.GetValue(hours), parse.GetValue(phone), parse.GetValue(fax), parse.GetValue(online), parse.GetValue(reconsideration), parse.GetValue(court));
            var errors = new Gongkai.Data.Agencies.AgencyDirectory(context).SaveAsync(input, "命令行").GetAwaiter().GetResult();
            if (errors.Count > 0)
            {
                throw new CliException(string.Join("；", errors.Select(e => $"{e.Key}：{e.Value}")));
            }

            stdout.WriteLine($"已保存机关 {input.Id}");
            return CliApp.Ok;
        });
        return add;
    }

    public static Command Demo(TextWriter stdout, TimeProvider clock)
    {
        var db = DbCommands.DbOption();
        var agencies = new Option<int>("--agencies") { Description = "下属机关数（部门与街道）", DefaultValueFactory = _ => 6 };
        var years = new Option<string>("--years") { Description = "年度范围，如 2021-2025", DefaultValueFactory = _ => "2021-2025" };
        var applications = new Option<int>("--applications") { Description = "申请总数", DefaultValueFactory = _ => 600 };
        var seed = new Command("seed", "在空数据库中生成演示区：区政府、部门、街道及多年的申请、复议诉讼和主动公开记录") { db, agencies, years, applications };
        seed.SetAction(parse =>
        {
            var range = parse.GetValue(years)!.Split('-');
            if (range.Length != 2 || !int.TryParse(range[0], CultureInfo.InvariantCulture, out var first) || !int.TryParse(range[1], CultureInfo.InvariantCulture, out var last) || first > last || first < 2000)
            {
                throw new CliException($"--years 应为「起始年-结束年」，如 2021-2025（得到 {parse.GetValue(years)}）");
            }

            var options = new DemoOptions(CliParsing.NonNegative(parse.GetValue(agencies), "--agencies"), first, last, CliParsing.NonNegative(parse.GetValue(applications), "--applications"));
            using var context = Open(parse.GetValue(db)!, clock);
            var created = DemoSeeder.SeedAsync(context, options).GetAwaiter().GetResult();
            stdout.WriteLine(created == 0 ? "数据库中已有机关，未生成演示数据" : $"已生成演示数据：{context.Agencies.Count()} 个机关，{created} 件申请");
            return CliApp.Ok;
        });
        return new Command("demo", "演示数据") { seed };
    }

    /// <summary>Runs an all-or-nothing CSV import: every error on stderr by line and column (exit 1), or the count imported.</summary>
    private static int RunImport(
        string path,
        string db,
        TimeProvider clock,
        TextWriter stdout,
        TextWriter stderr,
        Func<GongkaiDbContext, TextReader, string, CancellationToken, Task<(int Imported, IReadOnlyList<Gongkai.Data.Cases.ImportError> Errors)>> import,
        string what)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"{path}：文件不存在");
        }

        using var context = Open(db, clock);
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8);
        var (imported, errors) = import(context, reader, "命令行导入", CancellationToken.None).GetAwaiter().GetResult();
        if (errors.Count > 0)
        {
            foreach (var e in errors)
            {
                stderr.WriteLine($"{path}：{e}");
            }

            stderr.WriteLine($"共 {errors.Count} 处错误，未导入任何数据");
            return CliApp.Findings;
        }

        stdout.WriteLine($"已导入 {imported} {what}");
        return CliApp.Ok;
    }

    public static Command Cases(TextWriter stdout, TextWriter stderr, TimeProvider clock)
    {
        var db = DbCommands.DbOption();
        var file = new Argument<string>("FILE.csv") { Description = "CSV 文件（UTF-8），列：" + string.Join(",", Gongkai.Data.Cases.CaseCsvImport.Columns) };
        var import = new Command("import", "从 CSV 导入申请；任一行有错时逐行报告且不保存任何数据") { db, file };
        import.SetAction(parse => RunImport(parse.GetValue(file)!, parse.GetValue(db)!, clock, stdout, stderr, Gongkai.Data.Cases.CaseCsvImport.ImportAsync, "件申请"));
        return new Command("cases", "依申请公开案件") { import, Gongkai.Cli.Cases.CaseStepCommand.Build(stdout, clock) };
    }

    public static Command Lock(TextWriter stdout, TimeProvider clock)
    {
        var db = DbCommands.DbOption();
        var agency = new Option<string>("--agency") { Description = "机关编号", Required = true };
        var year = new Option<int>("--year") { Description = "报告年度", Required = true };
        var subordinates = new Option<bool>("--include-subordinates") { Description = "包括全部下属机关" };
        var by = new Option<string>("--by") { Description = "锁定发布人（须与审核人不同）", Required = true };
        var acknowledge = new Option<bool>("--acknowledge-warnings") { Description = "已核对检查结果中的警告" };
        var restate = new Option<bool>("--restate") { Description = "发布更正版（原版本保留）" };
        var command = new Command("lock", "锁定并发布年度报告（须在年度结束后、经另一人审核、无错误和【请填写】）：此后记录变动只显示为更正差异，不会改变已公布的报告")
        {
            db, agency, year, subordinates, by, acknowledge, restate,
        };
        command.SetAction(parse =>
        {
            using var context = Open(parse.GetValue(db)!, clock);
            try
            {
                ReportPublishing.PublishAsync(context, parse.GetValue(agency)!, parse.GetValue(year), parse.GetValue(subordinates), parse.GetValue(by)!,
                    parse.GetValue(acknowledge), restate: parse.GetValue(restate)).GetAwaiter().GetResult();
            }
            catch (ReportLockException e)
            {
                throw new CliException("不能锁定发布：" + e.Message, CliApp.Findings);
            }
            catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException)
            {
                throw new CliException(e.Message);
            }

            stdout.WriteLine($"已锁定 {parse.GetValue(agency)} 的 {parse.GetValue(year)} 年度报告{(parse.GetValue(restate) ? "（更正版）" : "")}");
            return CliApp.Ok;
        });
        return command;
    }

    public static Command Review(TextWriter stdout, TimeProvider clock)
    {
        var db = DbCommands.DbOption();
        var agency = new Option<string>("--agency") { Description = "机关编号", Required = true };
        var year = new Option<int>("--year") { Description = "报告年度", Required = true };
        var subordinates = new Option<bool>("--include-subordinates") { Description = "包括全部下属机关" };
        var by = new Option<string>("--by") { Description = "审核人", Required = true };
        var overview = new Option<string?>("--overview") { Description = "先保存正文「一、总体情况」（UTF-8 文本文件路径）" };
        var problems = new Option<string?>("--problems") { Description = "先保存正文「五、存在的主要问题及改进情况」（文件路径）" };
        var other = new Option<string?>("--other") { Description = "先保存正文「六、其他需要报告的事项」（文件路径）" };
        var command = new Command("review", "审核年度报告正文（可先用 --overview/--problems/--other 保存正文；锁定发布须由另一人办理）")
        {
            db, agency, year, subordinates, by, overview, problems, other,
        };
        command.SetAction(parse =>
        {
            using var context = Open(parse.GetValue(db)!, clock);
            string? Read(Option<string?> option) =>
                parse.GetValue(option) is { } path ? File.Exists(path) ? File.ReadAllText(path).Trim() : throw new CliException($"{option.Name} {path}：文件不存在") : null;
            try
            {
                if (parse.GetValue(overview) is not null || parse.GetValue(problems) is not null || parse.GetValue(other) is not null)
                {
                    var current = RecordsReport.BuildAsync(context, parse.GetValue(agency)!, parse.GetValue(year), parse.GetValue(subordinates)).GetAwaiter().GetResult().Sections;
                    var narrative = new Gongkai.Core.Reports.ReportNarrative(Read(overview) ?? current.Overview, Read(problems) ?? current.Problems, Read(other) ?? current.Other);
                    ReportDrafts.SaveAsync(context, parse.GetValue(agency)!, parse.GetValue(year), narrative, parse.GetValue(by)!).GetAwaiter().GetResult();
                }

                ReportPublishing.ReviewAsync(context, parse.GetValue(agency)!, parse.GetValue(year), parse.GetValue(subordinates), parse.GetValue(by)!).GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException)
            {
                throw new CliException(e.Message);
            }

            stdout.WriteLine($"已审核 {parse.GetValue(agency)} 的 {parse.GetValue(year)} 年度报告");
            return CliApp.Ok;
        });
        return command;
    }

    public static Command Trace(TextWriter stdout, TimeProvider clock)
    {
        var db = DbCommands.DbOption();
        var agency = new Option<string>("--agency") { Description = "机关编号", Required = true };
        var year = new Option<int>("--year") { Description = "报告年度", Required = true };
        var subordinates = new Option<bool>("--include-subordinates") { Description = "包括全部下属机关" };
        var cell = new Option<string>("--cell") { Description = "表三单元格的 JSON 路径，如 requests.disclosed.natural 或 requests.withheld.stateSecret.total", Required = true };
        var command = new Command("trace", "列出表三某个单元格所计入的案件（受理编号），第一行为件数") { db, agency, year, subordinates, cell };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(cell)!;
            var column = Gongkai.Core.Statute.ApplicantColumns.All.FirstOrDefault(c => path.EndsWith("." + c.Key, StringComparison.Ordinal));
            if (!path.StartsWith("requests.", StringComparison.Ordinal) || column is null)
            {
                throw new CliException($"--cell {path}：应为 requests.<行>.<列>，列为 natural、commercial、research、nonprofit、legal、other 或 total");
            }

            var rowKey = path["requests.".Length..^(column.Key.Length + 1)];
            using var context = Open(parse.GetValue(db)!, clock);
            IReadOnlyList<string> numbers;
            try
            {
                numbers = RecordsReport.TraceAsync(context, parse.GetValue(agency)!, parse.GetValue(year), parse.GetValue(subordinates), rowKey, column.Type).GetAwaiter().GetResult();
            }
            catch (KeyNotFoundException e)
            {
                throw new CliException(e.Message);
            }

            stdout.WriteLine(numbers.Count.ToString(CultureInfo.InvariantCulture));
            foreach (var n in numbers)
            {
                stdout.WriteLine(n);
            }

            return CliApp.Ok;
        });
        return command;
    }

    public static Command Proactive(TextWriter stdout, TextWriter stderr, TimeProvider clock)
    {
        var db = DbCommands.DbOption();
        var file = new Argument<string>("FILE.csv") { Description = "CSV 文件（UTF-8），列：" + string.Join(",", Gongkai.Data.Publishing.ProactiveCsvImport.Columns) };
        var import = new Command("import", "导入各机关各年度的行政许可、处罚、强制决定数和收费金额；任一行有错时不保存任何数据") { db, file };
        import.SetAction(parse => RunImport(parse.GetValue(file)!, parse.GetValue(db)!, clock, stdout, stderr, Gongkai.Data.Publishing.ProactiveCsvImport.ImportAsync, "行年度数据"));
        return new Command("proactive", "主动公开（表二）的年度数据") { import };
    }

    public static Command Generate(TextWriter stdout, TextWriter stderr, TimeProvider clock)
    {
        var db = DbCommands.DbOption();
        var agency = new Option<string>("--agency") { Description = "机关编号（见 agencies list）", Required = true };
        var year = new Option<int>("--year") { Description = "报告年度", Required = true };
        var subordinates = new Option<bool>("--include-subordinates") { Description = "包括全部下属机关" };
        var to = new Option<string>("--to") { Description = "输出格式：json、html、md、docx、xlsx、pdf", DefaultValueFactory = _ => "json" };
        to.AcceptOnlyFromAmong(ReportCommands.Formats);
        var output = new Option<string?>("--output", "-o") { Description = "输出文件；省略时写到标准输出（二进制格式必须指定）" };
        var command = new Command("generate", "由案件和主动公开记录生成年度报告（表二至表四由记录计算，不需重新录入）") { db, agency, year, subordinates, to, output };
        command.SetAction(parse =>
        {
            using var context = Open(parse.GetValue(db)!, clock);
            Gongkai.Core.Reports.AnnualReport report;
            try
            {
                var locked = ReportLocks.FindAsync(context, parse.GetValue(agency)!, parse.GetValue(year)).GetAwaiter().GetResult();
                if (locked is not null)
                {
                    report = locked.Filed;
                    stderr.WriteLine($"该年度报告已于 {locked.LockedAtUtc:yyyy-MM-dd HH:mm} (UTC) 由 {locked.LockedBy} 锁定，输出的是锁定时的报告。");
                    stderr.WriteLine(locked.Restatement.Count == 0
                        ? "锁定后记录没有变动。"
                        : $"锁定后记录变动，如重新计算将更正 {locked.Restatement.Count} 个单元格：");
                    foreach (var change in locked.Restatement)
                    {
                        stderr.WriteLine($"  {change}");
                    }
                }
                else
                {
                    report = RecordsReport.BuildAsync(context, parse.GetValue(agency)!, parse.GetValue(year), parse.GetValue(subordinates)).GetAwaiter().GetResult();
                }
            }
            catch (KeyNotFoundException e)
            {
                throw new CliException(e.Message);
            }

            ReportCommands.Emit(stdout, report, parse.GetValue(to)!, ReportChecker.Check(report), parse.GetValue(output));
            return CliApp.Ok;
        });
        return command;
    }
}
