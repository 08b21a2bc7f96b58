using System.Globalization;
using System.Text;
using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Rules;
using Gongkai.Core.Statute;

namespace Gongkai.Documents.Reading.Text;

/// <summary>
/// Reads an annual report from text — as extracted from a PDF (tab- or space-separated cells,
/// wrapped labels, page numbers inside tables) or copied from a web page (glued cells) — into the
/// report model, with line numbers and what could not be read. The HTML, DOCX and PDF readers
/// turn their documents into such text and use this reader, so every form yields the same model.
/// Edition, year and agency come from the document itself, never from the file name.
/// </summary>
public static class TextReportReader
{
    public static LoadedReport Read(string text, string source, string form = "text")
    {
        var lines = SourceText.Lines(TextReflow.Apply(text));
        var findings = new ReaderFindings();
        var outline = new ReportOutline(lines);
        if (IsOldFormat(lines))
        {
            findings.Add(ReaderCodes.OldFormat, Severity.Error,
                "该报告使用2019年以前的旧版格式（单一「政府信息公开情况统计表」），没有表二至表四，无法按现行格式读取");
            return Result(source, form, null, findings);
        }

        var (titleYear, agency, titleLine) = outline.TitleFacts();
        var sectionsFound = Enumerable.Range(0, 6).Count(outline.Has);
        if (sectionsFound < 2 && titleLine is null)
        {
            findings.Add(ReaderCodes.NotAReport, Severity.Error, "未找到年度报告的标题或「一、总体情况」等章节标题，文件不是政府信息公开工作年度报告");
            return Result(source, form, null, findings);
        }

        var year = titleYear ?? outline.AnyYear();
        if (year is null or < 2000 or > 2999)
        {
            findings.Add(ReaderCodes.NotAReport, Severity.Error, "无法从标题或正文确定报告年度", line: titleLine);
            return Result(source, form, null, findings);
        }

        var proactiveLines = TableStart(outline.Body(1), ["第二十条", "信息内容"]);
        var requestLines = TableStart(outline.Body(2), ["勾稽", "申请人情况", "本年新收"]);
        var requestStructure = RequestStructure(requestLines);
        var edition = ProactiveEdition(proactiveLines) ?? requestStructure ?? Editions.InForceFor(year.Value);

        var report = new AnnualReport(year.Value, edition) { Agency = agency };
        if (titleLine is { } tl)
        {
            findings.Lines["agency"] = tl;
        }

        report.Sections = new ReportNarrative(
            Narrative(outline, 0, findings, "overview"),
            Narrative(outline, 4, findings, "problems"),
            Narrative(outline, 5, findings, "other"));

        for (var s = 1; s <= 3; s++)
        {
            if (!outline.Has(s))
            {
                findings.Add(DiagnosticCodes.MissingSection, Severity.Error, $"报告缺少「{ReportSections.All[s]}」部分", ReportSections.All[s]);
            }
        }

        report.Proactive = ProactiveReader.Read(proactiveLines, edition, findings);
        report.Requests = RequestReader.Read(requestLines, edition, requestStructure ?? edition, findings);
        report.Appeals = outline.Has(3) ? AppealReader.Read(outline.Body(3), findings) : null;
        return Result(source, form, report, findings);
    }

    private static LoadedReport Result(string source, string form, AnnualReport? report, ReaderFindings findings) =>
        new(source, form, report, new CheckContext { Lines = findings.Lines, UnreadableCells = findings.Unreadable }, findings.Items);

    /// <summary>The pre-2019 统计表 has a 「统计指标」 header beside 「统计数」 and no 「申请人情况」.</summary>
    private static bool IsOldFormat(IReadOnlyList<SourceLine> lines) =>
        lines.Any(l => l.Folded.Contains("统计", StringComparison.Ordinal) && l.Key.Contains("统计指标", StringComparison.Ordinal) && l.Key.Contains("统计数", StringComparison.Ordinal))
        && !lines.Any(l => l.Folded.Contains("申请人", StringComparison.Ordinal) && l.Key.Contains("申请人情况", StringComparison.Ordinal));

    /// <summary>The body from the first line that belongs to the table (narrative before it is skipped).</summary>
    private static IReadOnlyList<SourceLine> TableStart(IReadOnlyList<SourceLine> body, string[] markers)
    {
        for (var i = 0; i < body.Count; i++)
        {
            if (markers.Any(m => body[i].Key.Contains(m, StringComparison.Ordinal)))
            {
                return body.Skip(i).ToArray();
            }
        }

        return [];
    }

    /// <summary>The edition table 二's column headers belong to, if they say.</summary>
    private static Edition? ProactiveEdition(IReadOnlyList<SourceLine> lines)
    {
        var key = string.Concat(lines.Select(l => l.Key));
        if (new[] { "本年制发", "本年废止", "现行有效" }.Any(k => key.Contains(k, StringComparison.Ordinal)))
        {
            return Edition.V2021;
        }

        if (new[] { "新制作数量", "新公开数量", "上一年项目", "采购项目" }.Any(k => key.Contains(k, StringComparison.Ordinal)))
        {
            return Edition.V2019;
        }

        return null;
    }

    /// <summary>The layout of table 三's （六）: three sub-rows (2021) or one row (2019).</summary>
    private static Edition? RequestStructure(IReadOnlyList<SourceLine> lines)
    {
        if (lines.Count == 0)
        {
            return null;
        }

        var key = string.Concat(lines.Select(l => l.Key));
        if (RowKeys.OtherHandling2021.Any(k => key.Contains(k, StringComparison.Ordinal)))
        {
            return Edition.V2021;
        }

        return key.Contains("其他处理", StringComparison.Ordinal) ? Edition.V2019 : null;
    }

    private static string? Narrative(ReportOutline outline, int section, ReaderFindings findings, string key)
    {
        if (!outline.Has(section))
        {
            return null;
        }

        findings.Lines[$"sections.{key}"] = outline.HeadingLine(section);
        var sb = new StringBuilder();
        foreach (var line in outline.Body(section))
        {
            var text = line.Raw.Trim().TrimStart('#').Trim().Replace("**", "", StringComparison.Ordinal);
            if (text.Length == 0)
            {
                continue;
            }

            if (sb.Length > 0 && EndsParagraph(sb[^1], text))
            {
                sb.Append('\n');
            }

            sb.Append(text);
        }

        return sb.ToString();
    }

    /// <summary>Hard-wrapped PDF lines join up; a new paragraph starts after closing punctuation or at a numbered heading.</summary>
    private static bool EndsParagraph(char last, string next) =>
        last is '。' or '：' or ':' or '；' or '！' or '？' or ')' or '）'
        || next.StartsWith('（') || next.StartsWith('(') || (next.Length > 1 && "一二三四五六七八九十".Contains(next[0], StringComparison.Ordinal) && next[1] is '是' or '、');

    internal static string N(decimal? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "□";
}
