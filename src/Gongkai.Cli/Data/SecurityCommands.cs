using System.CommandLine;
using Gongkai.Data;
using Gongkai.Data.Audit;
using Gongkai.Data.Privacy;

namespace Gongkai.Cli.Data;

/// <summary><c>gongkai audit verify</c> and <c>gongkai privacy rekey</c>.</summary>
public static class SecurityCommands
{
    /// <summary>
    /// <c>gongkai audit verify --db …</c>: walks the audit hash chain. First line 「审计日志完整：…」 (exit 0)
    /// or 「审计日志被篡改：…」 followed by one line per problem (exit 1).
    /// </summary>
    public static Command Audit(TextWriter stdout, TimeProvider clock)
    {
        var dbOption = DbCommands.DbOption();
        var verify = new Command("verify", "校验审计日志的哈希链：发现被修改、删除或插入的记录") { dbOption };
        verify.SetAction(parse =>
        {
            using var context = GongkaiDatabase.Open(parse.GetValue(dbOption)!, clock);
            var result = AuditChain.Verify(context);
            if (result.Intact)
            {
                stdout.WriteLine($"审计日志完整：共 {result.Entries} 条，链尾序号 {result.LastSeq}，链尾哈希 {result.LastHash}");
                return CliApp.Ok;
            }

            stdout.WriteLine($"审计日志被篡改：共 {result.Entries} 条，发现 {result.Problems.Count} 处问题");
            foreach (var problem in result.Problems)
            {
                stdout.WriteLine(problem);
            }

            return CliApp.Findings;
        });
        return new Command("audit", "审计日志") { verify };
    }

    /// <summary><c>gongkai privacy rekey --db …</c>: re-encrypts personal data under the key ring's first key (after a rotation).</summary>
    public static Command Privacy(TextWriter stdout, TimeProvider clock)
    {
        var dbOption = DbCommands.DbOption();
        var rekey = new Command("rekey", "用密钥环的第一个（当前）密钥重新加密申请人的个人信息（更换密钥后执行）") { dbOption };
        rekey.SetAction(parse =>
        {
            try
            {
                using var context = GongkaiDatabase.Open(parse.GetValue(dbOption)!, clock);
                var count = PersonalDataRekey.Run(context);
                stdout.WriteLine($"已用密钥 {context.PersonalData.CurrentId} 重新加密 {count} 件申请的个人信息（密钥来源：{context.PersonalData.Source}）");
                return CliApp.Ok;
            }
            catch (PersonalDataKeyException e)
            {
                throw new CliException(e.Message);
            }
        });
        return new Command("privacy", "个人信息保护：加密密钥") { rekey };
    }
}
