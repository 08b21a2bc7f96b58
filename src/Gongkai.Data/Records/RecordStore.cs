using System.Text.Json;
using Gongkai.Core.Cases;
using Gongkai.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Records;

/// <summary>A refused record (zh-CN reason); nothing was stored.</summary>
public sealed class RecordException(string message) : Exception(message);

/// <summary>
/// 行政复议 and 行政诉讼 records (table 四) and 规章 / 规范性文件 (table 二 第（一）项), checked at
/// the boundary and audited; the report's tables are computed from them.
/// </summary>
public sealed class RecordStore(GongkaiDbContext db)
{
    public async Task<AppealRow> AddAppealAsync(string agencyId, AppealRecord appeal, string actor, CancellationToken ct = default)
    {
        await RequireAgencyAsync(agencyId, ct).ConfigureAwait(false);
        if (appeal.ApplicationTrackingNumber is { } number
            && !await db.Applications.AnyAsync(a => a.TrackingNumber == number && a.AgencyId == agencyId, ct).ConfigureAwait(false))
        {
            throw new RecordException($"{agencyId} 没有申请编号为 {number} 的案件");
        }

        CheckResult(appeal.FiledOn, appeal.Result, appeal.DecidedOn);
        var row = new AppealRow
        {
            AgencyId = agencyId, ApplicationTrackingNumber = appeal.ApplicationTrackingNumber, Kind = (int)appeal.Kind, FiledOn = appeal.FiledOn,
            Result = (int?)appeal.Result, DecidedOn = appeal.DecidedOn,
        };
        db.Appeals.Add(row);
        await SaveAsync(actor, "appeal", agencyId, "filed", null, row, ct).ConfigureAwait(false);
        return row;
    }

    /// <summary>Records the result of a pending appeal (维持, 纠正, 其他) and its date.</summary>
    public async Task DecideAppealAsync(long id, AppealResult result, DateOnly decidedOn, string actor, CancellationToken ct = default)
    {
        var row = await db.Appeals.SingleOrDefaultAsync(a => a.Id == id, ct).ConfigureAwait(false) ?? throw new RecordException($"没有编号为 {id} 的复议或诉讼");
        if (row.Result is not null)
        {
            throw new RecordException($"复议或诉讼 {id} 已于 {row.DecidedOn:yyyy-MM-dd} 审结");
        }

        CheckResult(row.FiledOn, result, decidedOn);
        var before = JsonSerializer.SerializeToElement(row);
        (row.Result, row.DecidedOn) = ((int)result, decidedOn);
        await SaveAsync(actor, "appeal", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "decided", before, row, ct).ConfigureAwait(false);
    }

    public async Task<NormativeRow> AddNormativeAsync(string agencyId, NormativeRecord record, string actor, CancellationToken ct = default)
    {
        await RequireAgencyAsync(agencyId, ct).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(record.Title) || record.Title.Length > 400)
        {
            throw new RecordException("请填写文件名称（400 字以内）");
        }

        if (record.RepealedOn < record.IssuedOn)
        {
            throw new RecordException("废止日期不能早于制发日期");
        }

        var row = new NormativeRow { AgencyId = agencyId, Title = record.Title.Trim(), Kind = (int)record.Kind, IssuedOn = record.IssuedOn, RepealedOn = record.RepealedOn };
        db.NormativeDocuments.Add(row);
        await SaveAsync(actor, "normative", agencyId, "issued", null, row, ct).ConfigureAwait(false);
        return row;
    }

    public async Task RepealNormativeAsync(long id, DateOnly repealedOn, string actor, CancellationToken ct = default)
    {
        var row = await db.NormativeDocuments.SingleOrDefaultAsync(n => n.Id == id, ct).ConfigureAwait(false) ?? throw new RecordException($"没有编号为 {id} 的规章或规范性文件");
        if (row.RepealedOn is not null)
        {
            throw new RecordException($"文件 {id} 已于 {row.RepealedOn:yyyy-MM-dd} 废止");
        }

        if (repealedOn < row.IssuedOn)
        {
            throw new RecordException("废止日期不能早于制发日期");
        }

        var before = JsonSerializer.SerializeToElement(row);
        row.RepealedOn = repealedOn;
        await SaveAsync(actor, "normative", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "repealed", before, row, ct).ConfigureAwait(false);
    }

    private static void CheckResult(DateOnly filedOn, AppealResult? result, DateOnly? decidedOn)
    {
        if (result is null != decidedOn is null)
        {
            throw new RecordException("审结结果和审结日期须同时填写（尚未审结的两者都不填）");
        }

        if (decidedOn < filedOn)
        {
            throw new RecordException("审结日期不能早于申请复议或起诉的日期");
        }
    }

    private async Task RequireAgencyAsync(string agencyId, CancellationToken ct)
    {
        if (!await db.Agencies.AnyAsync(a => a.Id == agencyId, ct).ConfigureAwait(false))
        {
            throw new RecordException($"没有编号为 {agencyId} 的机关");
        }
    }

    private async Task SaveAsync(string actor, string entity, string key, string action, object? before, object after, CancellationToken ct)
    {
        db.Audit.Add(AuditRow.Of(actor, entity, key, action, before, after));
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }
}
