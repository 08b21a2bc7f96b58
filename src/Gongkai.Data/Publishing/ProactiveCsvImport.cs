using System.Globalization;
using Gongkai.Data.Cases;
using Gongkai.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Publishing;

/// <summary>
/// Imports the yearly counts that live in other systems (行政许可、行政处罚、行政强制 decisions, the
/// 行政事业性收费 amount in 万元) from CSV, UTF-8, header
/// <c>agency_id,year,licensing,penalties,enforcement,fees_amount</c>. A row for an agency and year
/// that exists replaces it. Every row is checked first; if any has an error, nothing is stored.
/// </summary>
public static class ProactiveCsvImport
{
    public static readonly string[] Columns = ["agency_id", "year", "licensing", "penalties", "enforcement", "fees_amount"];

    public static async Task<(int Imported, IReadOnlyList<ImportError> Errors)> ImportAsync(GongkaiDbContext db, TextReader csv, string actor, CancellationToken ct = default)
    {
        var rows = CaseCsvImport.Parse(csv);
        var errors = new List<ImportError>();
        if (rows.Count == 0 || !rows[0].Fields.Select(f => f.Trim()).SequenceEqual(Columns))
        {
            return (0, [new ImportError(1, "表头", $"应为 {string.Join(",", Columns)}")]);
        }

        var agencies = (await db.Agencies.Select(a => a.Id).ToListAsync(ct).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<(string, int)>();
        var accepted = new List<ProactiveYearRow>();
        foreach (var (line, fields) in rows.Skip(1))
        {
            if (fields.Count == 1 && fields[0].Trim().Length == 0)
            {
                continue;
            }

            if (fields.Count != Columns.Length)
            {
                errors.Add(new ImportError(line, "整行", $"应有 {Columns.Length} 列，实际 {fields.Count} 列"));
                continue;
            }

            var before = errors.Count;
            string F(string c) => fields[Array.IndexOf(Columns, c)].Trim();
            int Count(string c)
            {
                if (int.TryParse(F(c), NumberStyles.None, CultureInfo.InvariantCulture, out var v))
                {
                    return v;
                }

                errors.Add(new ImportError(line, c, $"「{F(c)}」不是非负整数"));
                return 0;
            }

            if (!agencies.Contains(F("agency_id")))
            {
                errors.Add(new ImportError(line, "agency_id", $"没有编号为 {F("agency_id")} 的机关"));
            }

            var year = Count("year");
            if (errors.Count == before && year is < 2000 or > 2999)
            {
                errors.Add(new ImportError(line, "year", $"年度 {year} 无效"));
            }

            var (licensing, penalties, enforcement) = (Count("licensing"), Count("penalties"), Count("enforcement"));
            if (!decimal.TryParse(F("fees_amount"), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var fees))
            {
                errors.Add(new ImportError(line, "fees_amount", $"「{F("fees_amount")}」不是金额（万元，如 12.5000）"));
            }

            if (errors.Count == before && !seen.Add((F("agency_id"), year)))
            {
                errors.Add(new ImportError(line, "year", $"{F("agency_id")} 的 {year} 年度重复"));
            }

            if (errors.Count == before)
            {
                accepted.Add(new ProactiveYearRow { AgencyId = F("agency_id"), Year = year, Licensing = licensing, Penalties = penalties, Enforcement = enforcement, FeesAmount = fees });
            }
        }

        if (errors.Count > 0)
        {
            return (0, errors);
        }

        await SaveAsync(db, accepted, actor, ct).ConfigureAwait(false);
        return (accepted.Count, errors);
    }

    /// <summary>Adds or replaces yearly counts (from a CSV or the workspace's form), each with its audit entry, in one save.</summary>
    public static async Task SaveAsync(GongkaiDbContext db, IEnumerable<ProactiveYearRow> rows, string actor, CancellationToken ct = default)
    {
        foreach (var row in rows)
        {
            var existing = await db.ProactiveYears.SingleOrDefaultAsync(p => p.AgencyId == row.AgencyId && p.Year == row.Year, ct).ConfigureAwait(false);
            if (existing is null)
            {
                db.ProactiveYears.Add(row);
            }
            else
            {
                (existing.Licensing, existing.Penalties, existing.Enforcement, existing.FeesAmount) = (row.Licensing, row.Penalties, row.Enforcement, row.FeesAmount);
            }

            db.Audit.Add(AuditRow.Of(actor, "proactive-year", $"{row.AgencyId}/{row.Year}", existing is null ? "imported" : "replaced",
                after: new { row.Licensing, row.Penalties, row.Enforcement, row.FeesAmount }));
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }
}
