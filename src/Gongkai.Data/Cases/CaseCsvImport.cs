using Gongkai.Core.Vocabulary;
using System.Globalization;
using System.Text;
using Gongkai.Core.Cases;
using Gongkai.Core.Identity;
using Gongkai.Core.Statute;
using Gongkai.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Cases;

/// <summary>A problem with one row of an import file: line, column and what is wrong.</summary>
public sealed record ImportError(int Line, string Column, string Message)
{
    public override string ToString() => $"第 {Line} 行「{Column}」：{Message}";
}

/// <summary>
/// Imports applications kept elsewhere (spreadsheets) from CSV, UTF-8, first line the header:
/// <c>tracking_number,agency_id,applicant_type,channel,received_on,applicant_name,phone,description,id_number,credit_code,decided_on,outcome</c>.
/// applicant_type: 自然人/商业企业/科研机构/社会公益组织/法律服务机构/其他 (or natural, commercial, …);
/// channel: 当面/口头代填/邮寄-挂号/邮寄-平信/网络/传真; dates yyyy-MM-dd; outcome: a table-三 row key of
/// the 2021 edition (disclosed, partlyDisclosed, withheld.stateSecret, …, otherHandling.other),
/// required with decided_on. Every row is checked first; if any has an error, nothing is stored.
/// </summary>
public static class CaseCsvImport
{
    public static readonly string[] Columns =
        ["tracking_number", "agency_id", "applicant_type", "channel", "received_on", "applicant_name", "phone", "description", "id_number", "credit_code", "decided_on", "outcome"];

    public static async Task<(int Imported, IReadOnlyList<ImportError> Errors)> ImportAsync(GongkaiDbContext db, TextReader csv, string actor, CancellationToken ct = default)
    {
        var rows = Parse(csv);
        var errors = new List<ImportError>();
        if (rows.Count == 0 || !rows[0].Fields.Select(f => f.Trim()).SequenceEqual(Columns))
        {
            errors.Add(new ImportError(1, "表头", $"应为 {string.Join(",", Columns)}"));
            return (0, errors);
        }

        var agencies = (await db.Agencies.Select(a => a.Id).ToListAsync(ct).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        var numbers = rows.Skip(1).Select(r => r.Fields.ElementAtOrDefault(0)?.Trim() ?? "").ToArray();
        var existing = (await db.Applications.Where(a => numbers.Contains(a.TrackingNumber)).Select(a => a.TrackingNumber).ToListAsync(ct).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var accepted = new List<(NewApplication Application, CaseLedger Ledger)>();

        foreach (var (line, fields) in rows.Skip(1))
        {
            if (fields.Count == 1 && fields[0].Trim().Length == 0)
            {
                continue;
            }

            var before = errors.Count;
            void Error(string column, string message) => errors.Add(new ImportError(line, column, message));
            if (fields.Count != Columns.Length)
            {
                Error("整行", $"应有 {Columns.Length} 列，实际 {fields.Count} 列");
                continue;
            }

            string F(string column) => fields[Array.IndexOf(Columns, column)].Trim();
            var number = F("tracking_number");
            if (number.Length == 0)
            {
                Error("tracking_number", "不能为空");
            }
            else if (!seen.Add(number) || existing.Contains(number))
            {
                Error("tracking_number", $"编号 {number} 重复");
            }

            if (!agencies.Contains(F("agency_id")))
            {
                Error("agency_id", $"没有编号为 {F("agency_id")} 的机关");
            }

            var applicant = ApplicantColumns.Parts.FirstOrDefault(c => c.Label == F("applicant_type") || c.Key == F("applicant_type"))?.Type;
            if (applicant is null)
            {
                Error("applicant_type", $"「{F("applicant_type")}」不是申请人类型（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他）");
            }

            if (!Vocabularies.Channels.TryParse(F("channel"), out var channel))
            {
                Error("channel", Vocabularies.Channels.NotA(F("channel")));
            }

            var received = Date(F("received_on"), "received_on", Error, required: true);
            foreach (var column in new[] { "applicant_name", "phone", "description" })
            {
                if (F(column).Length == 0)
                {
                    Error(column, "不能为空");
                }
            }

            if (F("id_number").Length > 0 && ResidentIdNumber.TryParse(F("id_number"), received ?? DateOnly.MaxValue, out var idError) is null)
            {
                Error("id_number", idError!);
            }

            if (F("credit_code").Length > 0 && CreditCode.TryParse(F("credit_code"), out var codeError) is null)
            {
                Error("credit_code", codeError!);
            }

            var decided = Date(F("decided_on"), "decided_on", Error, required: false);
            Outcome? outcome = null;
            if (F("outcome").Length > 0)
            {
                var row = RequestTable.OutcomeRows(Edition.V2021).FirstOrDefault(r => r.Key == F("outcome"));
                if (row is null)
                {
                    Error("outcome", $"「{F("outcome")}」不是表三的办理结果（如 disclosed、partlyDisclosed、withheld.stateSecret）");
                }
                else
                {
                    outcome = row.Outcomes[0];
                }
            }

            if ((decided is null) != (outcome is null))
            {
                Error(decided is null ? "decided_on" : "outcome", "decided_on 与 outcome 须同时填写或同时留空");
            }

            if (errors.Count > before || received is null)
            {
                continue;
            }

            var ledger = new CaseLedger(new ApplicationReceived(received.Value, channel));
            if (decided is { } d && outcome is { } o)
            {
                try
                {
                    ledger.Append(new Decided(d, o));
                }
                catch (LedgerException e)
                {
                    Error("decided_on", e.Message);
                    continue;
                }
            }

            accepted.Add((new NewApplication(number, F("agency_id"), applicant!.Value, channel, received.Value, F("applicant_name"), F("phone"), F("description"),
                F("id_number").Length > 0 ? F("id_number") : null, F("credit_code").Length > 0 ? F("credit_code") : null), ledger));
        }

        if (errors.Count > 0)
        {
            return (0, errors);
        }

        var store = new CaseStore(db);
        await store.ImportApplicationsAsync(accepted, actor, ct).ConfigureAwait(false);
        return (accepted.Count, errors);
    }

    private static DateOnly? Date(string text, string column, Action<string, string> error, bool required)
    {
        if (text.Length == 0)
        {
            if (required)
            {
                error(column, "不能为空");
            }

            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        error(column, $"「{text}」不是 yyyy-MM-dd 格式的日期");
        return null;
    }

    /// <summary>
    /// RFC 4180 CSV (CsvHelper's parser): quoted fields may hold commas, quotes (doubled) and line
    /// breaks; each record comes with the line it starts on, for error messages. A blank line is a
    /// record of one empty field (callers skip it), and a stray quote inside a field is kept as written.
    /// </summary>
    public static List<(int Line, List<string> Fields)> Parse(TextReader reader)
    {
        if (reader.Peek() == '\uFEFF')
        {
            reader.Read(); // a BOM the caller's reader did not remove
        }

        var configuration = new CsvHelper.Configuration.CsvConfiguration(System.Globalization.CultureInfo.InvariantCulture)
        {
            IgnoreBlankLines = false,
            BadDataFound = null,
            DetectColumnCountChanges = false,
        };
        var rows = new List<(int, List<string>)>();
        using var parser = new CsvHelper.CsvParser(reader, configuration, leaveOpen: true);
        var nextLine = 1;
        while (parser.Read())
        {
            rows.Add((nextLine, [.. parser.Record ?? []]));
            nextLine = parser.RawRow + 1;
        }

        return rows;
    }
}
