using System.Text.RegularExpressions;
using Gongkai.Core.Cases;
using Gongkai.Core.Statute;
using Gongkai.Data.Cases;
using Gongkai.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Workspace;

public sealed partial class CaseListPagingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheCaseList_PagesWithTheTrueTotal_AndPutsTheOverdueFirst_WhateverTheFilter()
    {
        using var app = new AppFactory();
        int open;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var store = new CaseStore(db);
            for (var i = 0; i < 130; i++)
            {
                // Received long ago and never answered: overdue, and the oldest of the list.
                await store.AddAsync(new NewApplication($"20260105-9{i:D5}", "BGQ-05", ApplicantType.Natural, ReceiptChannel.Online, new DateOnly(2026, 1, 5), "逾期测试", "13800000000", $"申请公开第 {i} 号文件"), "测试", Ct);
            }

            var all = await db.Applications.AsNoTracking().Include(a => a.Events).Where(a => a.AgencyId == "BGQ-05").ToListAsync(Ct);
            open = all.Count(a => !a.Events.Any(e => e.Kind == CaseEventCodes.Decided || e.Kind == CaseEventCodes.Withdrawn));
        }

        var clerk = await app.SignedInAsync("经办人", "BGQ-05");
        var first = await clerk.GetStringAsync("/admin");
        Assert.Contains($"共 {open} 件，第 1 / {(open + 99) / 100} 页", first, StringComparison.Ordinal);
        Assert.Equal(100, Rows().Matches(first).Count);
        Assert.All(Rows().Matches(first).Take(100), m => Assert.Contains("已超期", m.Value, StringComparison.Ordinal));

        var second = await clerk.GetStringAsync("/admin?page=2");
        Assert.Equal(open - 100, Rows().Matches(second).Count);
        Assert.Contains("已超期", Rows().Matches(second)[0].Value, StringComparison.Ordinal); // the 130 overdue fill page 1 and begin page 2

        var filtered = await clerk.GetStringAsync("/admin?q=%E9%80%BE%E6%9C%9F%E6%B5%8B%E8%AF%95"); // 逾期测试
        Assert.Contains("共 130 件", filtered, StringComparison.Ordinal);
    }

    [GeneratedRegex("<tr>\\s*<td><a href=\"/admin/cases/[^\"]+\">.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex Rows();
}
