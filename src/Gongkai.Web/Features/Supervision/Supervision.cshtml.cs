using Gongkai.Data.Model;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Features.Supervision;

/// <summary>The 政务公开办's view over the agencies below its government (see <see cref="SupervisionView"/>), on the page and as XLSX.</summary>
public sealed class SupervisionModel(GongkaiDbContext db, CaseBoard board, StaffScopes scopes) : StaffPage(scopes)
{
    public IReadOnlyList<SupervisionRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Staff.SupervisesOthers)
        {
            return Forbid();
        }

        Rows = await SupervisionView.ListAsync(db, board, Staff.Agencies, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        if (!Staff.SupervisesOthers)
        {
            return Forbid();
        }

        return File(SupervisionView.Xlsx(await SupervisionView.ListAsync(db, board, Staff.Agencies, ct)), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "政府信息公开工作监督.xlsx");
    }
}
