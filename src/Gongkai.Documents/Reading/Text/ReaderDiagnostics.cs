using Gongkai.Core.Reports.Rules;

namespace Gongkai.Documents.Reading.Text;

/// <summary>Codes only a reader can raise (in addition to those of <see cref="DiagnosticCodes"/>).</summary>
public static class ReaderCodes
{
    /// <summary>Digits glued together were split using the table's arithmetic (the split is unique).</summary>
    public const string GluedCells = "glued-cells";

    /// <summary>A row had more cells than the table; the reading that fits the arithmetic was kept.</summary>
    public const string ExtraCell = "extra-cell";

    /// <summary>A row's numbers stood under no recognisable label and were placed by table order.</summary>
    public const string UnlabelledRow = "unlabelled-row";

    /// <summary>The report uses the pre-2019 layout (a single 统计表), which has no tables 二–四.</summary>
    public const string OldFormat = "old-format";

    /// <summary>The document is not an annual report in any known layout.</summary>
    public const string NotAReport = "not-a-report";

    /// <summary>The PDF (or some of its pages) has no text layer and was read by OCR; only numbers the table arithmetic confirms are kept.</summary>
    public const string ScannedOcr = "scanned-ocr";

    public static IReadOnlyList<(string Code, Severity Severity, string Description)> All { get; } =
    [
        (GluedCells, Severity.Info, "数字粘连（单元格之间无分隔），已按勾稽关系唯一拆分"),
        (ExtraCell, Severity.Warning, "一行的单元格多于表格列数，已按勾稽关系确定读数"),
        (UnlabelledRow, Severity.Warning, "一行数字前的行标题无法识别，已按表格行序归入"),
        (OldFormat, Severity.Error, "2019年以前的旧版格式（单一统计表），不含表二至表四"),
        (NotAReport, Severity.Error, "文件不是政府信息公开工作年度报告"),
        (ScannedOcr, Severity.Info, "扫描件，经 OCR：只采用经勾稽关系核实的数字，其余为无法识别的单元格"),
    ];
}

/// <summary>Collects a reader's findings.</summary>
public sealed class ReaderFindings
{
    public List<Diagnostic> Items { get; } = [];

    public Dictionary<string, string> Unreadable { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> Lines { get; } = new(StringComparer.Ordinal);

    public void Add(string code, Severity severity, string message, string? table = null, string? row = null, string? column = null, int? line = null, string? cell = null) =>
        Items.Add(new Diagnostic(code, severity, message, new DiagnosticLocation(table, row, column, line, cell)));
}
