using System.Globalization;
using Gongkai.Core.Reports.Rules;
using Gongkai.Core.Statute;
using Gongkai.Documents.Reading;

namespace Gongkai.Cli.Reports;

/// <summary>Prints one file's diagnostics as a readable, aligned table.</summary>
public static class DiagnosticTable
{
    public static void Write(TextWriter w, LoadedReport loaded, IReadOnlyList<Diagnostic> diagnostics)
    {
        var r = loaded.Report;
        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        var warnings = diagnostics.Count(d => d.Severity == Severity.Warning);
        var head = r is null
            ? loaded.Source
            : string.Create(CultureInfo.InvariantCulture, $"{loaded.Source}：{r.Agency ?? "（机关不详）"} {r.Year}年度 {r.Edition.Code()}年版格式");
        w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{head} — {errors} 个错误，{warnings} 个警告"));
        if (diagnostics.Count == 0)
        {
            w.WriteLine("  未发现问题");
            return;
        }

        var codeWidth = diagnostics.Max(d => d.Code.Length);
        var locations = diagnostics.Select(d => d.Location.ToString()).ToArray();
        var locationWidth = locations.Max(DisplayWidth);
        for (var i = 0; i < diagnostics.Count; i++)
        {
            var d = diagnostics[i];
            w.Write("  ");
            w.Write(d.Severity.SeverityLabel());
            w.Write("  ");
            w.Write(d.Code.PadRight(codeWidth));
            w.Write("  ");
            w.Write(locations[i]);
            w.Write(new string(' ', locationWidth - DisplayWidth(locations[i])));
            w.Write("  ");
            w.WriteLine(d.Message);
        }
    }

    /// <summary>Terminal columns: CJK and full-width characters take two.</summary>
    public static int DisplayWidth(string s) => s.Sum(ch => ch >= 0x1100 && (ch <= 0x115F || ch >= 0x2E80) ? 2 : 1);
}
