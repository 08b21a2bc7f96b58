using System.Text.Json;

namespace Gongkai.Core.Reports.Rules;

/// <summary>Writes diagnostics in the DESIGN §5 shape; absent location fields are omitted.</summary>
public static class DiagnosticJson
{
    public static string SeverityCode(this Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info => "info",
    };

    /// <summary>The zh-CN name of a severity: 错误 / 警告 / 提示.</summary>
    public static string SeverityLabel(this Severity severity) => severity switch
    {
        Severity.Error => "错误",
        Severity.Warning => "警告",
        Severity.Info => "提示",
    };

    public static void Write(Utf8JsonWriter w, Diagnostic d)
    {
        w.WriteStartObject();
        w.WriteString("code", d.Code);
        w.WriteString("severity", d.Severity.SeverityCode());
        w.WriteString("message", d.Message);
        w.WriteStartObject("location");
        if (d.Location.Table is { } table)
        {
            w.WriteString("table", table);
        }

        if (d.Location.Row is { } row)
        {
            w.WriteString("row", row);
        }

        if (d.Location.Column is { } column)
        {
            w.WriteString("column", column);
        }

        if (d.Location.Line is { } line)
        {
            w.WriteNumber("line", line);
        }

        if (d.Location.Cell is { } cell)
        {
            w.WriteString("cell", cell);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void WriteArray(Utf8JsonWriter w, IEnumerable<Diagnostic> diagnostics)
    {
        w.WriteStartArray();
        foreach (var d in diagnostics)
        {
            Write(w, d);
        }

        w.WriteEndArray();
    }

    public static string ToJson(IEnumerable<Diagnostic> diagnostics)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteArray(w, diagnostics);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads back what <see cref="WriteArray"/> wrote.</summary>
    public static IReadOnlyList<Diagnostic> ReadArray(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select(d =>
        {
            var l = d.GetProperty("location");
            string? S(string name) => l.TryGetProperty(name, out var v) ? v.GetString() : null;
            var severity = d.GetProperty("severity").GetString() switch { "error" => Severity.Error, "warning" => Severity.Warning, _ => Severity.Info };
            return new Diagnostic(d.GetProperty("code").GetString()!, severity, d.GetProperty("message").GetString()!,
                new DiagnosticLocation(S("table"), S("row"), S("column"), l.TryGetProperty("line", out var line) ? line.GetInt32() : null, S("cell")));
        }).ToArray();
    }
}
