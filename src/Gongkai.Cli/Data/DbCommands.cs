using System.CommandLine;
using Gongkai.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Cli.Data;

/// <summary><c>gongkai db migrate|script|verify</c>.</summary>
public static class DbCommands
{
    public static Option<string> DbOption() => new("--db")
    {
        Description = "数据库：SQLite 文件路径，或 PostgreSQL 连接字符串（如 Host=127.0.0.1;Database=gongkai;Username=…）",
        DefaultValueFactory = _ => GongkaiDatabase.DefaultPath,
    };

    public static Command Build(TextWriter stdout, TimeProvider clock)
    {
        var db = new Command("db", "数据库：建立与升级表结构");
        var dbOption = DbOption();
        var migrate = new Command("migrate", "按版本执行尚未执行的表结构脚本") { dbOption };
        migrate.SetAction(parse =>
        {
            try
            {
                using var context = GongkaiDatabase.Open(parse.GetValue(dbOption)!, clock);
                var applied = Migrator.Migrate(context);
                stdout.WriteLine(applied.Count == 0 ? "数据库已是最新版本" : $"已执行 {applied.Count} 个脚本：{string.Join("、", applied)}");
                return CliApp.Ok;
            }
            catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
            {
                throw new CliException($"数据库迁移失败：{e.Message.Split('\n')[0]}");
            }
        });
        var provider = new Option<string>("--provider") { Description = "sqlite 或 postgres", DefaultValueFactory = _ => "sqlite" };
        provider.AcceptOnlyFromAmong("sqlite", "postgres");
        var script = new Command("script", "打印当前模型的完整建表脚本（编写新的迁移脚本时作为起点）") { provider };
        script.SetAction(parse =>
        {
            using var context = GongkaiDatabase.Offline(parse.GetValue(provider) == "postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite);
            stdout.Write(context.Database.GenerateCreateScript());
            return CliApp.Ok;
        });
        db.Subcommands.Add(migrate);
        db.Subcommands.Add(script);
        db.Subcommands.Add(Verify(stdout, clock, dbOption));
        return db;
    }

    /// <summary>
    /// <c>db verify [--fix]</c>: recomputes the closure projection on every application from its events (Data/Cases/CaseClosure)
    /// and reports any drift — first line 「收结投影一致：…」 (exit 0) or 「收结投影与办理记录不一致：…」 with the first
    /// tracking numbers (exit 1); <c>--fix</c> rewrites the projection from the events and checks again.
    /// </summary>
    private static Command Verify(TextWriter stdout, TimeProvider clock, Option<string> dbOption)
    {
        var fix = new Option<bool>("--fix") { Description = "按办理记录重写收结投影后再核对" };
        var verify = new Command("verify", "核对申请表上的收结投影（年报表三据此统计）与办理记录是否一致") { dbOption, fix };
        verify.SetAction(async (parse, ct) =>
        {
            await using var context = GongkaiDatabase.Open(parse.GetValue(dbOption)!, clock);
            if (parse.GetValue(fix))
            {
                var rewritten = await Gongkai.Data.Cases.CaseClosure.RepairAsync(context, ct);
                stdout.WriteLine($"已按办理记录重写 {rewritten} 件申请的收结投影");
            }

            var (count, first) = await Gongkai.Data.Cases.CaseClosure.DriftAsync(context, ct: ct);
            var total = await context.Applications.CountAsync(ct);
            if (count == 0)
            {
                stdout.WriteLine($"收结投影一致：共 {total} 件申请");
                return CliApp.Ok;
            }

            stdout.WriteLine($"收结投影与办理记录不一致：{count} 件（共 {total} 件申请）；可用 --fix 按办理记录重写");
            foreach (var number in first)
            {
                stdout.WriteLine($"  {number}");
            }

            return 1;
        });
        return verify;
    }
}
