using System.Text.Json;
using Gongkai.Core.Identity;
using Gongkai.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Agencies;

/// <summary>An agency as entered: name, place in the hierarchy, 统一社会信用代码 and the contact facts the 指南 needs (条例 第十二条).</summary>
public sealed record AgencyInput(
    string Id,
    string Name,
    string? ParentId,
    string? CreditCode,
    string? Address = null,
    string? OfficeHours = null,
    string? Phone = null,
    string? Fax = null,
    string? OnlineChannel = null,
    string? ReconsiderationBody = null,
    string? Court = null,
    Gongkai.Core.Cases.AnswerReviewPolicy? AnswerReview = null,
    AgencyGuide? Guide = null);

/// <summary>The 指南 facts of 第十二条 beyond the address and phone: who handles applications, how to reach them, by which channels.</summary>
/// <param name="Channels">The channels accepted (null or empty: every channel).</param>
public sealed record AgencyGuide(string? AcceptingOffice, string? Email, string? PostalCode, string? Website, IReadOnlyList<Gongkai.Core.Cases.ReceiptChannel>? Channels);

/// <summary>Adds and updates agencies, checking identity and hierarchy at the boundary and auditing every change.</summary>
public sealed class AgencyDirectory(GongkaiDbContext db)
{
    /// <summary>Adds or updates; returns the problems (field → zh-CN message) and stores nothing if there are any.</summary>
    public async Task<IReadOnlyDictionary<string, string>> SaveAsync(AgencyInput input, string actor, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(input.Id) || input.Id.Length > 40 || input.Id.Any(char.IsWhiteSpace))
        {
            errors["id"] = "编号不能为空、不能含空格，最长 40 个字符";
        }

        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Length > 200)
        {
            errors["name"] = "名称不能为空，最长 200 个字符";
        }

        if (input.CreditCode is { Length: > 0 } && CreditCode.TryParse(input.CreditCode, out var codeError) is null)
        {
            errors["creditCode"] = codeError!;
        }

        if (input.ParentId is { Length: > 0 } parent)
        {
            if (parent == input.Id)
            {
                errors["parentId"] = "上级机关不能是自己";
            }
            else if (!await db.Agencies.AnyAsync(a => a.Id == parent, ct).ConfigureAwait(false))
            {
                errors["parentId"] = $"没有编号为 {parent} 的上级机关";
            }
            else if (await IsBelowAsync(parent, input.Id, ct).ConfigureAwait(false))
            {
                errors["parentId"] = "上级机关不能是本机关的下属（层级不能成环）";
            }
        }

        if (input.Guide is { } guide)
        {
            if (guide.Email is { Length: > 0 } email && (email.Length > 200 || !System.Net.Mail.MailAddress.TryCreate(email, out _)))
            {
                errors["email"] = "电子邮箱格式不正确";
            }

            if (guide.PostalCode is { Length: > 0 } postal && (postal.Length != 6 || !postal.All(char.IsAsciiDigit)))
            {
                errors["postalCode"] = "邮政编码应为 6 位数字";
            }

            if (guide.Website is { Length: > 0 } site && (site.Length > 300 || !Uri.TryCreate(site, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            {
                errors["website"] = "网站地址应为 http:// 或 https:// 开头的完整网址";
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var row = await db.Agencies.SingleOrDefaultAsync(a => a.Id == input.Id, ct).ConfigureAwait(false);
        object? before = row is null ? null : JsonSerializer.SerializeToElement(row);
        if (row is null)
        {
            row = new AgencyRow { Id = input.Id, Name = input.Name };
            db.Agencies.Add(row);
        }

        row.Name = input.Name.Trim();
        row.ParentId = input.ParentId is { Length: > 0 } p ? p : null;
        row.CreditCode = input.CreditCode?.Trim().ToUpperInvariant() is { Length: > 0 } c ? c : null;
        (row.Address, row.OfficeHours, row.Phone, row.Fax, row.OnlineChannel) = (input.Address, input.OfficeHours, input.Phone, input.Fax, input.OnlineChannel);
        (row.ReconsiderationBody, row.Court) = (Blank(input.ReconsiderationBody), Blank(input.Court));
        row.AnswerReview = input.AnswerReview is { } policy ? (int)policy : row.AnswerReview;
        if (input.Guide is { } g)
        {
            (row.AcceptingOffice, row.Email, row.PostalCode, row.Website) = (Blank(g.AcceptingOffice), Blank(g.Email), Blank(g.PostalCode), Blank(g.Website));
            row.Channels = g.Channels is { Count: > 0 } channels && channels.Count < Enum.GetValues<Gongkai.Core.Cases.ReceiptChannel>().Length
                ? string.Join(",", channels.Distinct().Order().Select(Gongkai.Core.Vocabulary.Vocabularies.Channels.Code))
                : null;
        }
        db.Audit.Add(AuditRow.Of(actor, "agency", input.Id, before is null ? "created" : "updated", before, row));
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return errors;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>The channels an agency accepts applications by (every channel when it has not said).</summary>
    public static IReadOnlyList<Gongkai.Core.Cases.ReceiptChannel> ChannelsOf(AgencyRow agency) =>
        agency.Channels is { Length: > 0 } codes
            ? codes.Split(',').Select(c => Gongkai.Core.Vocabulary.Vocabularies.Channels.TryParse(c, out var ch) ? ch : (Gongkai.Core.Cases.ReceiptChannel?)null).OfType<Gongkai.Core.Cases.ReceiptChannel>().ToArray()
            : Enum.GetValues<Gongkai.Core.Cases.ReceiptChannel>();

    /// <summary>
    /// The bodies an agency's 答复书 names for the remedy: its own settings, else — for the 复议机关 —
    /// the agency directly above it (本级人民政府 of a department, the government that set up a 街道办事处),
    /// and — for the court — the nearest agency above that names one. Null where nothing is known
    /// (a root government without settings): the letter then names no body rather than a wrong one.
    /// </summary>
    public async Task<(string? ReconsiderationBody, string? Court)> RemedyBodiesAsync(string agencyId, CancellationToken ct = default)
    {
        var all = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, ct).ConfigureAwait(false);
        if (!all.TryGetValue(agencyId, out var agency))
        {
            return (null, null);
        }

        var body = agency.ReconsiderationBody ?? (agency.ParentId is { } p && all.TryGetValue(p, out var parent) ? parent.Name : null);
        string? court = null;
        for (var a = agency; a is not null && court is null; a = a.ParentId is { } up ? all.GetValueOrDefault(up) : null)
        {
            court = a.Court;
        }

        return (body, court);
    }

    /// <summary>Whether <paramref name="candidate"/> sits somewhere below <paramref name="agencyId"/>.</summary>
    private async Task<bool> IsBelowAsync(string candidate, string agencyId, CancellationToken ct)
    {
        var parents = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.ParentId, ct).ConfigureAwait(false);
        var steps = 0;
        for (var at = (string?)candidate; at is not null && parents.ContainsKey(at) && steps++ <= parents.Count; at = parents[at])
        {
            if (at == agencyId)
            {
                return true;
            }
        }

        return false;
    }
}
