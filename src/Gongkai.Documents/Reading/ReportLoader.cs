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

    public static LoadedReport Load(string source, byte[] bytes)
    {
        var text = DecodeText(bytes);
        if (text is not null && text.TrimStart().StartsWith('{'))
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

        if (text is null)
        {
            throw new ReportReadException(source, "无法识别的文件格式：不是 UTF-8 文本、JSON、HTML、DOCX 或 PDF");
        }

        return Text.TextReportReader.Read(text, source);
    }

    /// <summary>UTF-8 text (with or without BOM), or null if the bytes are not text.</summary>
    public static string? DecodeText(byte[] bytes)
    {
        try
        {
            var encoding = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true);
            var text = encoding.GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (System.Text.DecoderFallbackException)
        {
            return null;
        }
    }
}
