using System.CommandLine;
using Gongkai.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Cli.Data;

/// <summary><c>gongkai db migrate|script</c>.</summary>
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
        return db;
    }
}
