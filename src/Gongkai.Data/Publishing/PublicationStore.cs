using Gongkai.Core.Calendar;
using Gongkai.Core.Deadlines;
using Gongkai.Core.Publishing;
using Gongkai.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Publishing;

/// <summary>What a clerk enters when drafting an item of the 目录.</summary>
public sealed record PublicationInput(
    string AgencyId,
    string Title,
    string Body,
    int Category,
    string? Area,
    string? DocumentNumber,
    string? Subject,
    DateOnly WrittenOn,
    string Validity = "有效");

/// <summary>Who is acting: a stable id, the name shown in the chain, and the roles held.</summary>
public sealed record Actor(string Id, string Name, IReadOnlyCollection<string> Roles);

/// <summary>A refused step or invalid draft; the message is zh-CN and says why.</summary>
public sealed class PublicationException(string message) : Exception(message);

/// <summary>
/// The 目录's items and their review chain. Drafting assigns the 索引号 (per agency and year, never
/// changed afterwards); each step is checked by <see cref="PublicationReview"/> and written with its
/// audit entry in one transaction; the last step sets the 发布日期.
/// </summary>
public sealed class PublicationStore(GongkaiDbContext db)
{
    public static IReadOnlyList<string> Validities { get; } = ["有效", "失效", "废止"];

    public static IReadOnlyDictionary<string, string> Validate(PublicationInput input)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Length > 400)
        {
            errors["title"] = "请填写名称（400 字以内）";
        }

        if (string.IsNullOrWhiteSpace(input.Body) || input.Body.Length > 100000)
        {
            errors["body"] = "请填写内容（10 万字以内）";
        }

        if (Catalogue.Category(input.Category) is null)
        {
            errors["category"] = "请选择条例第二十条规定的公开类别";
        }

        if (input.Area is { Length: > 0 } area && !Catalogue.Areas.Contains(area))
        {
            errors["area"] = "基层政务公开领域不在标准目录的 26 个领域之内";
        }

        if (!Validities.Contains(input.Validity))
        {
            errors["validity"] = "有效性应为有效、失效或废止";
        }

        if (input.DocumentNumber is { Length: > 100 } || input.Subject is { Length: > 100 })
        {
            errors[input.Subject is { Length: > 100 } ? "subject" : "documentNumber"] = "文号和主题分类不超过 100 字";
        }

        return errors;
    }

    public async Task<PublicationRow> DraftAsync(PublicationInput input, Actor actor, IEnumerable<(string FileName, string ContentType, byte[] Content)>? attachments = null, CancellationToken ct = default)
    {
        if (Validate(input) is { Count: > 0 } errors)
        {
            throw new PublicationException(string.Join("；", errors.Values));
        }

        if (PublicationReview.Refusal([], ReviewStep.Drafted, actor.Id, actor.Roles) is { } refusal)
        {
            throw new PublicationException(refusal);
        }

        var agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == input.AgencyId, ct).ConfigureAwait(false)
            ?? throw new PublicationException($"没有编号为 {input.AgencyId} 的机关");
        await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        var code = agency.CreditCode ?? agency.Id;
        var year = input.WrittenOn.Year;
        var prefix = Catalogue.IndexNumber(code, year, 1)[..^5];
        var taken = await db.Publications.CountAsync(p => p.IndexNumber.StartsWith(prefix), ct).ConfigureAwait(false);
        var row = new PublicationRow
        {
            AgencyId = agency.Id, IndexNumber = Catalogue.IndexNumber(code, year, taken + 1), Title = input.Title.Trim(), Body = input.Body,
            Category = input.Category, Area = Blank(input.Area), DocumentNumber = Blank(input.DocumentNumber), Subject = Blank(input.Subject),
            WrittenOn = input.WrittenOn, Validity = input.Validity,
        };
        row.Steps.Add(Step(ReviewStep.Drafted, actor));
        foreach (var (fileName, contentType, content) in attachments ?? [])
        {
            row.Attachments.Add(new AttachmentRow { FileName = fileName, ContentType = contentType, Content = content });
        }

        db.Publications.Add(row);
        db.Audit.Add(AuditRow.Of(actor.Name, "publication", row.IndexNumber, "drafted", after: new { row.Title, row.Category, row.WrittenOn }));
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return row;
    }

    /// <summary>Does the next step of the chain, or throws <see cref="PublicationException"/> saying why it may not.</summary>
    public async Task AdvanceAsync(long id, ReviewStep step, Actor actor, DateOnly today, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        var row = await db.Publications.Include(p => p.Steps).SingleOrDefaultAsync(p => p.Id == id, ct).ConfigureAwait(false)
            ?? throw new PublicationException($"没有编号为 {id} 的公开信息");
        if (PublicationReview.Refusal(Records(row), step, actor.Id, actor.Roles) is { } refusal)
        {
            throw new PublicationException(refusal);
        }

        row.Steps.Add(Step(step, actor));
        if (step == ReviewStep.Published)
        {
            row.PublishedOn = today;
        }

        db.Audit.Add(AuditRow.Of(actor.Name, "publication", row.IndexNumber, PublicationReview.Label(step), after: new { step = step.ToString() }));
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }

    /// <summary>
    /// 撤回 an item published by mistake: only a 分管领导, with a reason. It leaves the 目录, the search and the
    /// counts at once (no longer published); who, when and why are kept on the item and in the audit log.
    /// Throws <see cref="PublicationException"/> with the refusal.
    /// </summary>
    public async Task WithdrawAsync(long id, string? reason, Actor actor, CancellationToken ct = default)
    {
        var row = await db.Publications.SingleOrDefaultAsync(p => p.Id == id, ct).ConfigureAwait(false)
            ?? throw new PublicationException($"没有编号为 {id} 的公开信息");
        if (!actor.Roles.Contains(StaffRoles.Leader))
        {
            throw new PublicationException("撤回已发布的信息须由分管领导办理");
        }

        if (row.PublishedOn is null)
        {
            throw new PublicationException(row.WithdrawnAtUtc is null ? "该信息尚未发布，无需撤回" : "该信息已撤回");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 1000)
        {
            throw new PublicationException("请写明撤回理由（1000 字以内）");
        }

        var published = row.PublishedOn;
        (row.WithdrawnAtUtc, row.WithdrawnBy, row.WithdrawnReason, row.PublishedOn) = (db.Clock.GetUtcNow().UtcDateTime, actor.Name, reason.Trim(), null);
        db.Audit.Add(AuditRow.Of(actor.Name, "publication", row.IndexNumber, "withdrawn", new { published }, new { reason = row.WithdrawnReason }));
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }

    /// <summary>
    /// 有效性 over time, set by a 审核人: 失效 (with the date) or 废止 (with the date and the repealing document's
    /// 文号, optionally its link). A normative document of the agency with the same title is repealed in the
    /// records too (one record, not two), so the annual report's 现行有效 follows. Audited. Throws
    /// <see cref="PublicationException"/> with the refusal.
    /// </summary>
    public async Task SetValidityAsync(long id, string validity, DateOnly on, string? repealedByNumber, string? repealedByUrl, Actor actor, CancellationToken ct = default)
    {
        var row = await db.Publications.SingleOrDefaultAsync(p => p.Id == id, ct).ConfigureAwait(false)
            ?? throw new PublicationException($"没有编号为 {id} 的公开信息");
        if (!actor.Roles.Contains(StaffRoles.Reviewer))
        {
            throw new PublicationException("变更有效性须由审核人办理");
        }

        if (row.PublishedOn is null)
        {
            throw new PublicationException("只能变更已发布信息的有效性");
        }

        if (validity is not ("失效" or "废止"))
        {
            throw new PublicationException("有效性只能变更为「失效」或「废止」");
        }

        if (row.Validity != "有效")
        {
            throw new PublicationException($"该信息已于 {row.ValidityChangedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)} {row.Validity}");
        }

        if (on < row.WrittenOn || on > db.Clock.TodayInChina())
        {
            throw new PublicationException("失效或废止日期应在成文日期之后、不晚于今天");
        }

        var number = string.IsNullOrWhiteSpace(repealedByNumber) ? null : repealedByNumber.Trim();
        var url = string.IsNullOrWhiteSpace(repealedByUrl) ? null : repealedByUrl.Trim();
        if (validity == "废止" && (number is null || number.Length > 100))
        {
            throw new PublicationException("废止须写明废止它的文件文号（100 字以内）");
        }

        if (url is not null && (url.Length > 300 || !(Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" || url.StartsWith('/'))))
        {
            throw new PublicationException("废止文件的链接应为 http(s) 网址或本站路径");
        }

        (row.Validity, row.ValidityChangedOn, row.RepealedByNumber, row.RepealedByUrl) = (validity, on, validity == "废止" ? number : null, validity == "废止" ? url : null);
        var normative = await db.NormativeDocuments.Where(n => n.AgencyId == row.AgencyId && n.Title == row.Title && n.RepealedOn == null).ToListAsync(ct).ConfigureAwait(false);
        foreach (var n in normative)
        {
            n.RepealedOn = on;
        }

        db.Audit.Add(AuditRow.Of(actor.Name, "publication", row.IndexNumber, "validity-changed", new { validity = "有效" }, new { validity, on, repealedBy = number, normativeRecords = normative.Count }));
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }

    public static IReadOnlyList<ReviewRecord> Records(PublicationRow row) =>
        row.Steps.OrderBy(s => s.Step).Select(s => new ReviewRecord((ReviewStep)s.Step, s.ActorId, s.ActorName, s.AtUtc)).ToArray();

    /// <summary>第二十六条: the last day to publish, counted from 成文日期, with its explanation.</summary>
    public static ComputedDate Due(PublicationRow row, WorkdayCalendar? calendar = null) => PublicationDeadline.Compute(row.WrittenOn, calendar);

    private static PublicationStepRow Step(ReviewStep step, Actor actor) =>
        new() { Step = (int)step, ActorId = actor.Id, ActorName = actor.Name };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
