using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Rules;

namespace Gongkai.Documents.Reading;

/// <summary>
/// Reads a report from a file, choosing the reader by the file's content (not its extension).
/// </summary>
public static class ReportLoader
{
    /// <summary>Files larger than this are refused rather than read into memory.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    public static LoadedReport Load(string path)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new ReportReadException(path, "文件不存在");
            }

            if (info.Length > MaxFileBytes)
            {
                throw new ReportReadException(path, $"文件过大（{info.Length / (1024 * 1024)} MB，上限 {MaxFileBytes / (1024 * 1024)} MB）");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReportReadException(path, $"无法读取文件：{e.Message}");
        }

        return Load(path, bytes);
    }

    /// <summary>A roll-up entry for one file: what was read, or — when nothing could be — one not-a-report error, so one bad file never stops a roll-up.</summary>
    public static RollupInput ForRollup(string source, Func<LoadedReport> load)
    {
        try
        {
            var l = load();
            return new RollupInput(l.Source, l.Form, l.Report, l.Context, l.ReaderDiagnostics);
        }
        catch (ReportReadException e)
        {
            var d = new Diagnostic(Text.ReaderCodes.NotAReport, Severity.Error, e.Message, DiagnosticLocation.None);
            return new RollupInput(source, "unknown", null, CheckContext.Empty, [d]);
        }
    }

    public static LoadedReport Load(string source, byte[] bytes)
    {
        if (StartsWith(bytes, "%PDF-"u8))
        {
            return PdfReportReader.Read(bytes, source);
        }

        if (StartsWith(bytes, "PK\u0003\u0004"u8))
        {
            using var stream = new MemoryStream(bytes, writable: false);
            return DocxReportReader.Read(stream, source);
        }

        var text = DecodeText(bytes)
            ?? throw new ReportReadException(source, "无法识别的文件格式：不是 UTF-8/GB18030 文本、JSON、HTML、DOCX 或 PDF");
        var head = text.TrimStart();
        if (head.StartsWith('{'))
        {
            try
            {
                return new LoadedReport(source, "json", AnnualReportJson.Read(text), CheckContext.Empty, []);
            }
            catch (ReportJsonException e)
            {
                throw new ReportReadException(source, e.Message);
            }
        }

        if (LooksLikeHtml(head))
        {
            return HtmlReportReader.Read(text, source);
        }

        return Text.TextReportReader.Read(text, source);
    }

    private static bool StartsWith(byte[] bytes, ReadOnlySpan<byte> magic) => bytes.AsSpan().StartsWith(magic);

    private static bool LooksLikeHtml(string head)
    {
        var probe = head.Length > 4096 ? head[..4096] : head;
        return probe.StartsWith('<')
            && (probe.Contains("<html", StringComparison.OrdinalIgnoreCase) || probe.Contains("<table", StringComparison.OrdinalIgnoreCase)
                || probe.Contains("<body", StringComparison.OrdinalIgnoreCase) || probe.Contains("<!doctype", StringComparison.OrdinalIgnoreCase)
                || probe.Contains("<div", StringComparison.OrdinalIgnoreCase) || probe.Contains("<p", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The bytes as text: UTF-8 (with or without BOM), or GB18030 — the encoding of many Chinese
    /// government files — when that decodes cleanly. Null if the bytes are not text.
    /// </summary>
    public static string? DecodeText(byte[] bytes)
    {
        try
        {
            var text = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            return IsText(text) ? (text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text) : null;
        }
        catch (System.Text.DecoderFallbackException)
        {
        }

        try
        {
            System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
            var gb = System.Text.Encoding.GetEncoding("GB18030", System.Text.EncoderFallback.ExceptionFallback, System.Text.DecoderFallback.ExceptionFallback);
            var text = gb.GetString(bytes);
            return IsText(text) && text.Contains("政府信息公开", StringComparison.Ordinal) ? text : null;
        }
        catch (System.Text.DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>Text has no control characters other than whitespace and form feeds.</summary>
    private static bool IsText(string text)
    {
        var controls = 0;
        foreach (var ch in text)
        {
            if (char.IsControl(ch) && ch is not ('\n' or '\r' or '\t' or '\f' or '\v'))
            {
                controls++;
            }
        }

        return controls <= text.Length / 1000;
    }
}
