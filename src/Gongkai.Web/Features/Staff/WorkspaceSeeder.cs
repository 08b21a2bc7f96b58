using Gongkai.Core.Calendar;
using System.Security.Cryptography;
using Gongkai.Core.Publishing;
using Gongkai.Data.Demo;
using Gongkai.Data.Model;
using Gongkai.Data.Publishing;
using Gongkai.Data.Reports;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Features.Staff;

/// <summary>
/// First start: the four roles, the first 管理员 account (its password is generated and shown once,
/// on the console), and — when the demo district was just seeded — demo staff for 灯塔路街道,
/// catalogue items that went through the review chain, and the past years' reports published.
/// </summary>
public static class WorkspaceSeeder
{
    public const string AdminUserName = "admin";
    public const string DemoAgencyId = "BGQ-05";

    public static readonly (string UserName, string Name, string Role)[] DemoStaff =
    [
        ("clerk", "王经办", StaffRoles.Clerk), ("clerk2", "李经办", StaffRoles.Clerk), ("reviewer", "赵审核", StaffRoles.Reviewer),
        ("reviewer2", "钱审核", StaffRoles.Reviewer), ("leader", "孙分管", StaffRoles.Leader),
    ];

    /// <summary>Returns the lines to show on the console (the accounts just created), empty when nothing was created.</summary>
    /// <param name="resetAdmin">Give the first 管理员 a new generated password (for a forgotten one: start with <c>--reset-admin true</c>).</param>
    public static async Task<IReadOnlyList<string>> SeedAsync(IServiceProvider services, bool demo, bool resetAdmin = false, CancellationToken ct = default)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in StaffRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)));
            }
        }

        var users = services.GetRequiredService<UserManager<StaffUser>>();
        var db = services.GetRequiredService<GongkaiDbContext>();
        if (await users.Users.AnyAsync(ct))
        {
            if (resetAdmin && await users.FindByNameAsync(AdminUserName) is { } admin)
            {
                var password = NewPassword();
                Check(await users.RemovePasswordAsync(admin));
                Check(await users.AddPasswordAsync(admin, password));
                await users.SetLockoutEndDateAsync(admin, null);
                admin.MustChangePassword = true;
                admin.IsDisabled = false;
                admin.TwoFactorEnabled = false; // a lost phone: enrol again at the next sign-in
                Check(await users.ResetAuthenticatorKeyAsync(admin));
                Check(await users.UpdateAsync(admin));
                Check(await users.UpdateSecurityStampAsync(admin));
                return [$"管理员账号：{AdminUserName}  新密码：{password}"];
            }

            return [$"管理员账号：{AdminUserName}（密码在首次启动时显示；如已遗忘，加参数 --reset-admin true 启动即重新生成）"];
        }

        var root = await db.Agencies.Where(a => a.ParentId == null).OrderBy(a => a.Id).Select(a => a.Id).FirstOrDefaultAsync(ct);
        if (root is null)
        {
            return ["尚无机关：先用 gongkai agencies add --db <同一数据库> --id <机关代码> --name <本级政府名称> 建立本级政府，再启动即创建首个管理员"];
        }

        var adminPassword = NewPassword();
        var first = await CreateAsync(users, AdminUserName, "系统管理员", root, StaffRoles.Admin, adminPassword);
        first.MustChangePassword = true; // the console showed it: the first sign-in chooses a new one
        Check(await users.UpdateAsync(first));
        var lines = new List<string> { $"首个管理员账号：{AdminUserName}  初始密码：{adminPassword}（只显示这一次；首次登录须修改密码并绑定身份验证器）" };
        if (!demo || !await db.Agencies.AnyAsync(a => a.Id == DemoAgencyId, ct))
        {
            return lines;
        }

        var demoPassword = NewPassword();
        var staff = new Dictionary<string, StaffUser>(StringComparer.Ordinal);
        foreach (var (userName, name, role) in DemoStaff)
        {
            staff[userName] = await CreateAsync(users, userName, name, DemoAgencyId, role, demoPassword);
        }

        lines.Add($"演示账号（灯塔路街道办事处）：{string.Join("、", DemoStaff.Select(s => $"{s.UserName}（{s.Role}）"))}  密码：{demoPassword}");
        await PublishDemoItemsAsync(db, staff, ct);
        await PublishPastReportsAsync(db, ct);
        return lines;
    }

    private static async Task<StaffUser> CreateAsync(UserManager<StaffUser> users, string userName, string name, string agencyId, string role, string password)
    {
        var user = new StaffUser { UserName = userName, DisplayName = name, AgencyId = agencyId };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, role));
        return user;
    }

    private static readonly (int Category, string? Area, string Title, string Body)[] _demoItems =
    [
        (2, null, "灯塔路街道办事处机构职能", "灯塔路街道办事处负责辖区党的建设、经济发展、城市管理、社会治理和公共服务等工作。办公地址：北关区灯塔路1号；办公时间：工作日上午8:30—12:00，下午14:00—17:30。"),
        (11, "社会救助", "灯塔路街道2026年城乡居民最低生活保障审批结果公示", "经入户调查、民主评议和审核，本季度新纳入最低生活保障12户18人，停保3户4人。公示期7天，如有异议请向街道社会事务办反映。"),
        (11, "养老服务", "灯塔路街道社区居家养老服务中心服务项目和收费标准", "社区居家养老服务中心提供助餐、助浴、日间照料和康复护理服务。助餐服务每餐12元，80周岁以上老人享受补贴。"),
        (7, "财政预决算", "灯塔路街道办事处2025年部门决算", "2025年度收入总计3,256.7万元，支出总计3,198.2万元。其中一般公共服务支出1,102.4万元，社会保障和就业支出856.3万元。"),
        (10, "重大建设项目", "灯塔路老旧小区改造项目批准和实施情况", "灯塔路老旧小区改造项目涉及12个小区、86栋楼，总投资4,680万元，2026年3月开工，计划11月底完成外墙保温、管网改造和加装电梯。"),
        (12, "救灾", "灯塔路街道防汛应急预案", "为做好辖区防汛工作，街道成立防汛指挥部，明确低洼地段巡查、人员转移安置和物资储备的责任分工。"),
        (13, "安全生产", "灯塔路街道2026年第三季度安全生产检查情况", "本季度共检查沿街商户和小微企业214家，发现隐患57处，已整改53处，其余4处限期整改。"),
        (1, null, "灯塔路街道办事处政府信息公开工作制度", "为规范政府信息公开工作，根据《中华人民共和国政府信息公开条例》，制定本制度，明确主动公开、依申请公开、保密审查和考核评议的职责与流程。"),
    ];

    private static async Task PublishDemoItemsAsync(GongkaiDbContext db, Dictionary<string, StaffUser> staff, CancellationToken ct)
    {
        var store = new PublicationStore(db);
        Actor Act(string userName, string role) => new(staff[userName].Id, staff[userName].DisplayName, [role]);
        var today = db.Clock.TodayInChina();
        async Task PublishAsync(string agencyId, int category, string? area, string title, string body, DateOnly written)
        {
            var subject = category == 1 ? "政府信息公开制度" : null;
            var row = await store.DraftAsync(new PublicationInput(agencyId, title, body, category, area, null, subject, written), Act("clerk", StaffRoles.Clerk), ct: ct);
            await store.AdvanceAsync(row.Id, ReviewStep.SecrecyChecked, Act("reviewer", StaffRoles.Reviewer), written.AddDays(1), ct);
            await store.AdvanceAsync(row.Id, ReviewStep.Reviewed, Act("reviewer2", StaffRoles.Reviewer), written.AddDays(2), ct);
            await store.AdvanceAsync(row.Id, ReviewStep.Signed, Act("leader", StaffRoles.Leader), written.AddDays(3), ct);
            await store.AdvanceAsync(row.Id, ReviewStep.Published, Act("clerk2", StaffRoles.Clerk), written.AddDays(7), ct);
        }

        // Spread over the last eight months, so the demo looks current whenever it is started.
        var written = today.AddDays(-(_demoItems.Length * 23) - 14);
        foreach (var (category, area, title, body) in _demoItems)
        {
            await PublishAsync(DemoAgencyId, category, area, title, body, written);
            written = written.AddDays(23);
        }

        // Every other agency's 专栏 gets its 机构职能 and its 公开工作制度, so the platform shows each agency at once.
        var others = await db.Agencies.AsNoTracking().Where(a => a.Id != DemoAgencyId).OrderBy(a => a.Id).Select(a => new { a.Id, a.Name }).ToListAsync(ct);
        written = today.AddDays(-330); // older than 灯塔路街道's, whose items the demo's front page shows first
        foreach (var a in others)
        {
            await PublishAsync(a.Id, 2, null, $"{a.Name}机构职能", $"{a.Name}依照法律法规和本级人民政府规定的职责开展工作。办公时间：工作日上午8:30—12:00，下午14:00—17:30。", written);
            await PublishAsync(a.Id, 1, null, $"{a.Name}政府信息公开工作制度", $"为规范{a.Name}政府信息公开工作，根据《中华人民共和国政府信息公开条例》，明确主动公开、依申请公开和保密审查的职责与流程。", written.AddDays(3));
            written = written.AddDays(Math.Max(1, 120 / Math.Max(1, others.Count)));
        }
    }

    /// <summary>What the demo's narratives say where a person has to write (each 「【请填写…】」 of <see cref="Gongkai.Core.Reports.NarrativeDraft"/>).</summary>
    private static readonly Dictionary<string, string> _demoNarrative = new(StringComparer.Ordinal)
    {
        ["本年度主动公开政府信息的数量、渠道和重点领域"] = "通过政府信息公开专栏、政务新媒体等渠道主动公开政府信息，重点公开财政预决算、基层政务公开标准目录事项和民生领域信息。",
        ["保密审查、政策解读等工作情况"] = "严格执行公开前保密审查制度，对涉及群众切身利益的政策文件同步开展解读。",
        ["政府网站、政务新媒体等平台建设情况"] = "持续优化政府信息公开专栏栏目设置，及时更新政府信息公开指南和目录。",
        ["工作考核、社会评议和责任追究结果情况"] = "将政府信息公开工作纳入年度绩效考核，本年度未发生因政府信息公开工作不到位被追责的情况。",
        ["本年度政府信息公开工作存在的主要问题及改进情况"] = "存在的主要问题：部分信息发布不够及时，政策解读形式较为单一。改进情况：建立信息发布提醒机制，丰富图文、视频等解读形式。",
        ["收取信息处理费的情况"] = "未收取信息处理费",
    };

    private static string? FillDemo(string? text) => text is null ? null : System.Text.RegularExpressions.Regex.Replace(text, System.Text.RegularExpressions.Regex.Escape(Gongkai.Core.Reports.NarrativeDraft.Placeholder) + "([^】]*)】",
        m => _demoNarrative.TryGetValue(m.Groups[1].Value, out var filled) ? filled : "有关工作按要求开展。");

    /// <summary>
    /// The demo's years are past (their reports were due by 31 January): their narratives are written
    /// in full and they are published as filed. Seeding stores them directly (no 审核 step: the data
    /// are the system's own demo, not a person's report).
    /// </summary>
    private static async Task PublishPastReportsAsync(GongkaiDbContext db, CancellationToken ct)
    {
        var agencies = await db.Agencies.AsNoTracking().Select(a => new { a.Id, a.ParentId }).ToListAsync(ct);
        var years = await db.Applications.Select(a => a.ReceivedOn.Year).Distinct().ToListAsync(ct);
        var thisYear = db.Clock.TodayInChina().Year;
        foreach (var year in years.Where(y => y < thisYear).Order())
        {
            foreach (var agency in agencies)
            {
                var subordinates = agencies.Any(a => a.ParentId == agency.Id);
                var drafted = (await RecordsReport.BuildAsync(db, agency.Id, year, subordinates, ct)).Sections;
                var narrative = new Gongkai.Core.Reports.ReportNarrative(FillDemo(drafted.Overview), FillDemo(drafted.Problems), FillDemo(drafted.Other));
                await ReportDrafts.SaveAsync(db, agency.Id, year, narrative, "系统（演示数据）", ct);
                await ReportLocks.LockAsync(db, agency.Id, year, subordinates, "系统（演示数据）", ct);
            }

            // The demo's agencies published their reports in time (第四十九条): dated 20 January of the next year, 10:00 in China.
            var published = new DateTime(year + 1, 1, 20, 2, 0, 0, DateTimeKind.Utc);
            if (published <= db.Clock.GetUtcNow().UtcDateTime)
            {
                await db.ReportLocks.Where(l => l.Year == year).ExecuteUpdateAsync(u => u.SetProperty(l => l.LockedAtUtc, published), ct);
            }
        }
    }

    /// <summary>A password for a first login: 14 characters without look-alikes, with upper, lower and digits.</summary>
    public static string NewPassword()
    {
        const string upper = "ABCDEFGHJKMNPQRSTUVWXYZ", lower = "abcdefghjkmnpqrstuvwxyz", digits = "23456789";
        var all = upper + lower + digits;
        var chars = new[] { upper[RandomNumberGenerator.GetInt32(upper.Length)], lower[RandomNumberGenerator.GetInt32(lower.Length)], digits[RandomNumberGenerator.GetInt32(digits.Length)] }
            .Concat(Enumerable.Range(0, 11).Select(_ => all[RandomNumberGenerator.GetInt32(all.Length)])).ToArray();
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("；", result.Errors.Select(e => e.Description)));
        }
    }
}
