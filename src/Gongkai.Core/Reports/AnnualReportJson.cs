using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Gongkai.Core.Statute;

namespace Gongkai.Core.Reports;

/// <summary>An input that is not a valid <c>gongkai.annual-report/1</c> object; names the JSON path.</summary>
public sealed class ReportJsonException(string path, string problem)
    : FormatException($"JSON 路径 {path}：{problem}")
{
    public string Path { get; } = path;

    public string Problem { get; } = problem;
}

/// <summary>
/// Reads and writes the <c>gongkai.annual-report/1</c> JSON format of DESIGN §4. Writing then
/// reading gives back the same report; reading refuses unknown keys and wrong types with the
/// JSON path of the offending value. Keys that are absent read as null (blank / missing).
/// </summary>
public static class AnnualReportJson
{
    public const string FormatId = "gongkai.annual-report/1";

    private static readonly JsonWriterOptions _writerOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(AnnualReport report)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, _writerOptions))
        {
            Write(writer, report);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void Write(Utf8JsonWriter w, AnnualReport report)
    {
        w.WriteStartObject();
        w.WriteString("format", FormatId);
        WriteStringOrNull(w, "agency", report.Agency);
        w.WriteNumber("year", report.Year);
        w.WriteString("edition", report.Edition.Code());
        w.WriteStartObject("sections");
        WriteStringOrNull(w, "overview", report.Sections.Overview);
        WriteStringOrNull(w, "problems", report.Sections.Problems);
        WriteStringOrNull(w, "other", report.Sections.Other);
        w.WriteEndObject();
        WriteProactive(w, report.Proactive);
        WriteRequests(w, report.Edition, report.Requests);
        WriteAppeals(w, report.Appeals);
        w.WriteEndObject();
    }

    private static void WriteStringOrNull(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static void WriteProactive(Utf8JsonWriter w, ProactiveData? data)
    {
        if (data is null)
        {
            w.WriteNull("proactive");
            return;
        }

        w.WriteStartObject("proactive");
        foreach (var row in data.Rows)
        {
            var cells = data[row];
            if (cells is null)
            {
                w.WriteNull(row.Key);
                continue;
            }

            w.WriteStartObject(row.Key);
            for (var i = 0; i < row.Columns.Count; i++)
            {
                var column = row.Columns[i];
                var value = cells[i];
                if (value is null)
                {
                    w.WriteNull(column.Key);
                }
                else if (column.Kind == CellKind.Amount)
                {
                    w.WriteString(column.Key, value.Value.ToString(CultureInfo.InvariantCulture));
                }
                else
                {
                    w.WriteNumber(column.Key, value.Value);
                }
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteRequests(Utf8JsonWriter w, Edition edition, RequestData? data)
    {
        if (data is null)
        {
            w.WriteNull("requests");
            return;
        }

        w.WriteStartObject("requests");
        string? openGroup = null;
        foreach (var row in RequestTable.Rows(edition))
        {
            var (group, name) = SplitKey(row.Key);
            if (group != openGroup)
            {
                if (openGroup is not null)
                {
                    w.WriteEndObject();
                }

                if (group is not null)
                {
                    w.WriteStartObject(group);
                }

                openGroup = group;
            }

            WriteCells(w, name, data[row], ApplicantColumns.All.Select(c => c.Key));
        }

        if (openGroup is not null)
        {
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteAppeals(Utf8JsonWriter w, AppealData? data)
    {
        if (data is null)
        {
            w.WriteNull("appeals");
            return;
        }

        w.WriteStartObject("appeals");
        foreach (var group in AppealTable.Groups)
        {
            WriteCells(w, group.Key, data[group], AppealTable.Columns.Select(c => c.Key));
        }

        w.WriteEndObject();
    }

    private static void WriteCells(Utf8JsonWriter w, string name, int?[]? cells, IEnumerable<string> keys)
    {
        if (cells is null)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        var i = 0;
        foreach (var key in keys)
        {
            if (cells[i] is { } v)
            {
                w.WriteNumber(key, v);
            }
            else
            {
                w.WriteNull(key);
            }

            i++;
        }

        w.WriteEndObject();
    }

    private static (string? Group, string Name) SplitKey(string key)
    {
        var dot = key.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? (null, key) : (key[..dot], key[(dot + 1)..]);
    }

    /// <summary>Reads one report; throws <see cref="ReportJsonException"/> naming the JSON path of any problem.</summary>
    public static AnnualReport Read(string json)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = false, MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            var col = (e.BytePositionInLine ?? 0) + 1;
            throw new ReportJsonException("$", $"不是有效的 JSON（第 {line} 行第 {col} 字节附近）");
        }

        using (doc)
        {
            return Read(doc.RootElement);
        }
    }

    public static AnnualReport Read(JsonElement root)
    {
        var reader = new ObjectReader(root, "$");
        var format = reader.RequiredString("format");
        if (format != FormatId)
        {
            throw new ReportJsonException("$.format", $"应为 \"{FormatId}\"，实际为 \"{format}\"");
        }

        var year = reader.RequiredInt("year");
        if (year is < 1900 or > 2999)
        {
            throw new ReportJsonException("$.year", $"年份 {year} 不是四位年份");
        }

        var editionCode = reader.RequiredString("edition");
        if (!Editions.TryParse(editionCode, out var edition))
        {
            throw new ReportJsonException("$.edition", $"应为 \"2019\" 或 \"2021\"，实际为 \"{editionCode}\"");
        }

        var report = new AnnualReport(year, edition) { Agency = reader.OptionalString("agency") };
        report.Sections = ReadSections(reader.OptionalObject("sections"));
        report.Proactive = ReadProactive(reader.OptionalObject("proactive"), edition);
        report.Requests = ReadRequests(reader.OptionalObject("requests"), edition);
        report.Appeals = ReadAppeals(reader.OptionalObject("appeals"));
        reader.RejectUnknown();
        return report;
    }

    private static ReportNarrative ReadSections(ObjectReader? r)
    {
        if (r is null)
        {
            return new ReportNarrative();
        }

        var result = new ReportNarrative(r.OptionalString("overview"), r.OptionalString("problems"), r.OptionalString("other"));
        r.RejectUnknown();
        return result;
    }

    private static ProactiveData? ReadProactive(ObjectReader? r, Edition edition)
    {
        if (r is null)
        {
            return null;
        }

        var data = new ProactiveData(edition);
        foreach (var row in data.Rows)
        {
            var rowReader = r.OptionalObject(row.Key);
            if (rowReader is null)
            {
                data[row] = null;
                continue;
            }

            var cells = new decimal?[row.Columns.Count];
            for (var i = 0; i < row.Columns.Count; i++)
            {
                var column = row.Columns[i];
                cells[i] = column.Kind == CellKind.Amount
                    ? rowReader.OptionalDecimal(column.Key)
                    : rowReader.OptionalInt(column.Key);
            }

            rowReader.RejectUnknown();
            data[row] = cells;
        }

        r.RejectUnknown();
        return data;
    }

    private static RequestData? ReadRequests(ObjectReader? r, Edition edition)
    {
        if (r is null)
        {
            return null;
        }

        var data = new RequestData(edition);
        var groups = new Dictionary<string, ObjectReader?>(StringComparer.Ordinal);
        foreach (var row in RequestTable.Rows(edition))
        {
            var (group, name) = SplitKey(row.Key);
            var container = r;
            if (group is not null)
            {
                if (!groups.TryGetValue(group, out container))
                {
                    container = r.OptionalObject(group);
                    groups[group] = container;
                }
            }

            data[row] = container is null ? null : ReadCells(container, name, ApplicantColumns.All.Select(c => c.Key).ToArray());
        }

        foreach (var g in groups.Values)
        {
            g?.RejectUnknown();
        }

        r.RejectUnknown();
        return data;
    }

    private static AppealData? ReadAppeals(ObjectReader? r)
    {
        if (r is null)
        {
            return null;
        }

        var data = new AppealData();
        var keys = AppealTable.Columns.Select(c => c.Key).ToArray();
        foreach (var group in AppealTable.Groups)
        {
            data[group] = ReadCells(r, group.Key, keys);
        }

        r.RejectUnknown();
        return data;
    }

    private static int?[]? ReadCells(ObjectReader parent, string name, string[] keys)
    {
        var row = parent.OptionalObject(name);
        if (row is null)
        {
            return null;
        }

        var cells = new int?[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            cells[i] = row.OptionalInt(keys[i]);
        }

        row.RejectUnknown();
        return cells;
    }

    /// <summary>Reads an object's properties by name, remembering which were consumed.</summary>
    private sealed class ObjectReader
    {
        private readonly JsonElement _element;
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

        public ObjectReader(JsonElement element, string path)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw new ReportJsonException(path, $"应为对象，实际为{KindName(element.ValueKind)}");
            }

            _element = element;
            Path = path;
        }

        public string Path { get; }

        private string PathOf(string name) => $"{Path}.{name}";

        private JsonElement? Get(string name)
        {
            _seen.Add(name);
            return _element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
        }

        public string RequiredString(string name) =>
            OptionalString(name) ?? throw new ReportJsonException(PathOf(name), "缺少必填字段");

        public string? OptionalString(string name)
        {
            var v = Get(name);
            if (v is null)
            {
                return null;
            }

            return v.Value.ValueKind == JsonValueKind.String
                ? v.Value.GetString()
                : throw new ReportJsonException(PathOf(name), $"应为字符串或 null，实际为{KindName(v.Value.ValueKind)}");
        }

        public int RequiredInt(string name) =>
            OptionalInt(name) ?? throw new ReportJsonException(PathOf(name), "缺少必填字段");

        public int? OptionalInt(string name)
        {
            var v = Get(name);
            if (v is null)
            {
                return null;
            }

            if (v.Value.ValueKind == JsonValueKind.Number && v.Value.TryGetInt32(out var i))
            {
                return i;
            }

            throw new ReportJsonException(PathOf(name), $"应为整数或 null，实际为{Describe(v.Value)}");
        }

        public decimal? OptionalDecimal(string name)
        {
            var v = Get(name);
            if (v is null)
            {
                return null;
            }

            if (v.Value.ValueKind == JsonValueKind.String
                && decimal.TryParse(v.Value.GetString(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d))
            {
                return d;
            }

            if (v.Value.ValueKind == JsonValueKind.Number && v.Value.TryGetDecimal(out d))
            {
                return d;
            }

            throw new ReportJsonException(PathOf(name), $"应为十进制数字字符串（如 \"1.2500\"）或 null，实际为{Describe(v.Value)}");
        }

        public ObjectReader? OptionalObject(string name)
        {
            var v = Get(name);
            return v is null ? null : new ObjectReader(v.Value, PathOf(name));
        }

        public void RejectUnknown()
        {
            foreach (var property in _element.EnumerateObject())
            {
                if (!_seen.Contains(property.Name))
                {
                    throw new ReportJsonException(PathOf(property.Name), "未知字段");
                }
            }
        }

        private static string Describe(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.Number => $"数字 {e.GetRawText()}",
            JsonValueKind.String => $"字符串 {e.GetRawText()}",
            _ => KindName(e.ValueKind),
        };

        private static string KindName(JsonValueKind kind) => kind switch
        {
            JsonValueKind.Object => "对象",
            JsonValueKind.Array => "数组",
            JsonValueKind.String => "字符串",
            JsonValueKind.Number => "数字",
            JsonValueKind.True or JsonValueKind.False => "布尔值",
            JsonValueKind.Null => "null",
            JsonValueKind.Undefined => "空",
        };
    }
}
