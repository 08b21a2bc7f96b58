using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Rules;

namespace Gongkai.Documents.Reading;

/// <summary>A report read from a file, with what the reader learnt about its source.</summary>
/// <param name="Source">The file it came from.</param>
/// <param name="Form">How it was read: json, text, html, docx, pdf.</param>
/// <param name="Report">The report, or null when the file is not a report in a known layout.</param>
/// <param name="Context">Line numbers and unreadable cells, for the checker.</param>
/// <param name="ReaderDiagnostics">Findings of the reader itself (e.g. a pre-2019 layout).</param>
public sealed record LoadedReport(
    string Source,
    string Form,
    AnnualReport? Report,
    CheckContext Context,
    IReadOnlyList<Diagnostic> ReaderDiagnostics)
{
    /// <summary>Read by OCR from page images (a scanned report): shown as 「扫描件，经 OCR」.</summary>
    public bool Scanned { get; init; }

    /// <summary>The reader's findings followed by every rule's.</summary>
    public IReadOnlyList<Diagnostic> Check(CheckContext? extra = null)
    {
        var context = extra is null ? Context : new CheckContext
        {
            Lines = Context.Lines,
            UnreadableCells = Context.UnreadableCells,
            PreviousYear = extra.PreviousYear,
            PublishedOn = extra.PublishedOn,
        };
        return Report is null ? ReaderDiagnostics : [.. ReaderDiagnostics, .. ReportChecker.Check(Report, context)];
    }
}

/// <summary>A file that cannot be read at all (missing, unreadable, not a report in any form).</summary>
public sealed class ReportReadException(string source, string message) : Exception($"{source}：{message}")
{
    public string File { get; } = source;
}
