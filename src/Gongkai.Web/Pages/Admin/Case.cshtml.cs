using Gongkai.Core.Calendar;
using Gongkai.Core.Cases;
using Gongkai.Data.Cases;
using Gongkai.Data.Model;
using Gongkai.Documents.Letters;
using Gongkai.Web.Staff;
using Gongkai.Web.Workspace;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Pages.Admin;

/// <summary>
/// One case: facts, the deadline with its explanation, the timeline, the letters, and the ledger's
/// actions. Each action is checked by the ledger (an illegal step is refused with its reason);
/// 延期 needs a 分管领导, who is recorded as the approver; the other steps need a 经办人.
/// </summary>
public sealed class CaseModel(GongkaiDbContext db, CaseStore store, StaffScopes scopes, TimeProvider clock) : StaffPage(scopes)
{
    public CaseSummary Summary { get; private set; } = null!;

    public string? Refusal { get; private set; }

    public DateOnly Today { get; } = clock.TodayInChina();

    /// <summary>Whether the applicant's personal data is shown in full (after an audited reveal) or masked.</summary>
    public bool Revealed { get; private set; }

    /// <summary>
    /// Shows the applicant's identity document, phone, email and address in full to a staff member
    /// with the case in scope (anyone else gets 404, as for the case itself); audited
    /// (个人信息保护法: who saw whose personal data, when).
    /// </summary>
    public async Task<IActionResult> OnPostRevealAsync(string number, CancellationToken ct)
    {
        if (!await LoadAsync(number, ct))
        {
            return NotFound();
        }

        db.Audit.Add(AuditRow.Of(Staff.User.UserName!, "application", number, "personal-data-revealed"));
        await db.SaveChangesAsync(ct);
        Revealed = true;
        return Page();
    }

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken ct)
    {
        ViewData["Flash"] = Flash;
        return await LoadAsync(number, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnGetLetterAsync(string number, string kind, CancellationToken ct)
    {
        if (!await LoadAsync(number, ct) || !Enum.TryParse<LetterKind>(kind, ignoreCase: true, out var letterKind) || !CaseLetters.Applies(letterKind, Summary.Ledger))
        {
            return NotFound();
        }

        var r = Summary.Row;
        var letter = CaseLetters.For(letterKind, await CaseBoard.LetterFactsAsync(db, r, Summary.AgencyName, ct), Summary.Ledger);
        return File(LetterDocxWriter.Write(letter), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"{CaseLetters.FileName(letterKind)}-{r.TrackingNumber}.docx");
    }

    public async Task<IActionResult> OnPostAsync(string number, string? action, DateOnly? on, int? workdays, string? party, string? outcome, string? reasons, CancellationToken ct)
    {
        if (!await LoadAsync(number, ct))
        {
            return NotFound();
        }

        if (!Staff.IsIn(CaseActions.RoleFor(action)))
        {
            return Forbid();
        }

        var date = on ?? Today;
        var e = CaseActions.ToEvent(new CaseAction(action, date, outcome, reasons, workdays, party), Staff.User.DisplayName);
        if (e is null)
        {
            Refusal = "办理事项或其内容不完整，请重新填写（" + CaseActions.Incomplete + "）";
        }
        else if (date > Today)
        {
            Refusal = "办理日期不能晚于今天";
        }
        else
        {
            try
            {
                await store.AppendAsync(number, e, Staff.User.DisplayName, ct);
                Flash = $"已登记：{CaseBoard.EventText(e)}";
                return Redirect($"/admin/cases/{Uri.EscapeDataString(number)}");
            }
            catch (LedgerException ex)
            {
                Refusal = ex.Message;
            }
        }

        await LoadAsync(number, ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(string number, CancellationToken ct)
    {
        if (await CaseBoard.FindAsync(db, Staff, number, ct) is not { } found)
        {
            return false;
        }

        Summary = found;
        return true;
    }
}
