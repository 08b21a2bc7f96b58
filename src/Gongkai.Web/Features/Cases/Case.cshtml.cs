using Gongkai.Core.Calendar;
using Gongkai.Core.Cases;
using Gongkai.Data.Cases;
using Gongkai.Data.Model;
using Gongkai.Documents.Letters;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Features.Cases;

/// <summary>
/// One case: facts, the deadline with its explanation, the timeline, the letters, and the ledger's
/// actions. Each action is checked by the ledger (an illegal step is refused with its reason);
/// 延期 needs a 分管领导, who is recorded as the approver; the other steps need a 经办人.
/// </summary>
public sealed class CaseModel(GongkaiDbContext db, CaseBoard board, AnswerDraftStore answers, StaffScopes scopes, TimeProvider clock) : StaffPage(scopes)
{
    public CaseSummary Summary { get; private set; } = null!;

    public string? Refusal { get; private set; }

    /// <summary>The answer in (or through) its review chain, if one was drafted.</summary>
    public AnswerDraftState? Answer { get; private set; }

    /// <summary>The messages queued for the applicant about this case (outbox), oldest first.</summary>
    public IReadOnlyList<OutboxRow> Messages { get; private set; } = [];

    /// <summary>The case's agency's answer review policy.</summary>
    public AnswerReviewPolicy Policy { get; private set; }

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
        var letter = CaseLetters.For(letterKind, await board.LetterFactsAsync(r, Summary.AgencyName, ct), Summary.Ledger);
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
                if (e is Decided d && await answers.DirectRefusalAsync(number, d.Outcome, ct) is not null)
                {
                    // The agency's review chain must see this answer: it becomes a draft, issued on the day the last step is done.
                    var state = await answers.DraftAsync(number, d.Outcome, d.Reasons, Staff.Actor, ct);
                    Flash = $"答复稿已提交，待{state.Next?.Label()}（{AnswerReview.RoleFor(state.Next!.Value)}）";
                }
                else
                {
                    await answers.RecordStepAsync(number, e, Staff.User.DisplayName, ct);
                    Flash = $"已登记：{CaseBoard.EventText(e)}";
                }

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

    /// <summary>审核 or 签发 of the answer draft (<c>step</c> = reviewed or signed); the last step issues the 答复.</summary>
    public async Task<IActionResult> OnPostAnswerStepAsync(string number, string? step, CancellationToken ct)
    {
        if (!await LoadAsync(number, ct))
        {
            return NotFound();
        }

        if (!Enum.TryParse<AnswerStep>(step, ignoreCase: true, out var s) || !Enum.IsDefined(s))
        {
            return BadRequest();
        }

        return await TryAsync(number, async () =>
        {
            var state = await answers.StepAsync(number, s, Staff.Actor, ct);
            return state.IssuedAtUtc is null ? $"已{s.Label()}，待{state.Next?.Label()}" : $"已{s.Label()}，答复已作出";
        }, ct);
    }

    /// <summary>退回: the reviewer sends the draft back to the 经办人 with a reason.</summary>
    public async Task<IActionResult> OnPostAnswerReturnAsync(string number, string? reason, CancellationToken ct)
    {
        if (!await LoadAsync(number, ct))
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            Refusal = "请填写退回理由";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return await TryAsync(number, async () =>
        {
            await answers.ReturnAsync(number, reason.Trim(), Staff.Actor, ct);
            return "答复稿已退回经办人";
        }, ct);
    }

    private async Task<IActionResult> TryAsync(string number, Func<Task<string>> act, CancellationToken ct)
    {
        try
        {
            Flash = await act();
            return Redirect($"/admin/cases/{Uri.EscapeDataString(number)}");
        }
        catch (LedgerException ex)
        {
            Refusal = ex.Message;
            await LoadAsync(number, ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    private async Task<bool> LoadAsync(string number, CancellationToken ct)
    {
        if (await board.FindAsync(Staff, number, ct) is not { } found)
        {
            return false;
        }

        Summary = found;
        Answer = await answers.GetAsync(number, ct);
        Policy = Answer?.Policy ?? await answers.PolicyAsync(number, ct);
        Messages = await new Data.Notifications.OutboxStore(db).ForCaseAsync(number, ct);
        return true;
    }
}
