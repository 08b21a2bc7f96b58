using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.Documents.Reports;

namespace Gongkai.Documents.Letters;

/// <summary>A letter (告知书, 答复书, 征求意见函) ready to print: title, addressee, body paragraphs, the agency's name and the date.</summary>
public sealed record Letter(string Title, string Addressee, IReadOnlyList<string> Paragraphs, string Signatory, DateOnly Date, string? Reference = null);

/// <summary>
/// Letters as DOCX in the 公文 layout of GB/T 9704 (the same page, fonts and line grid as
/// <see cref="ReportDocxWriter"/>): title in 小标宋 二号, body in 仿宋 三号 with a two-character indent,
/// signature and date right-aligned.
/// </summary>
public static class LetterDocxWriter
{
    private const int LineTwips = 560;
    private const int Size2Hao = 44;
    private const int Size3Hao = 32;

    /// <summary>Where the agency's 印章 goes, over its name and the date (《党政机关公文格式》 GB/T 9704 7.3.5).</summary>
    public const string SealPlace = "（盖章）";

    public static byte[] Write(Letter letter)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            body.Append(Paragraph(letter.Title, ReportDocxWriter.TitleFont, Size2Hao, JustificationValues.Center, indent: false));
            if (letter.Reference is { } reference)
            {
                body.Append(Paragraph(reference, ReportDocxWriter.BodyFont, Size3Hao, JustificationValues.Center, indent: false));
            }

            body.Append(Paragraph(letter.Addressee + "：", ReportDocxWriter.BodyFont, Size3Hao, JustificationValues.Left, indent: false));
            foreach (var text in letter.Paragraphs)
            {
                body.Append(Paragraph(text, ReportDocxWriter.BodyFont, Size3Hao, JustificationValues.Both, indent: true));
            }

            body.Append(Paragraph("", ReportDocxWriter.BodyFont, Size3Hao, JustificationValues.Left, indent: false));
            body.Append(Paragraph(letter.Signatory, ReportDocxWriter.BodyFont, Size3Hao, JustificationValues.Right, indent: false));
            body.Append(Paragraph(SealPlace, ReportDocxWriter.BodyFont, Size3Hao, JustificationValues.Right, indent: false));
            body.Append(Paragraph(ChineseDate(letter.Date), ReportDocxWriter.BodyFont, Size3Hao, JustificationValues.Right, indent: false));
            body.Append(new SectionProperties(
                new PageSize { Width = (UInt32Value)(uint)ReportDocxWriter.PageWidth, Height = (UInt32Value)(uint)ReportDocxWriter.PageHeight },
                new PageMargin
                {
                    Top = ReportDocxWriter.MarginTop, Bottom = ReportDocxWriter.MarginBottom,
                    Left = (UInt32Value)(uint)ReportDocxWriter.MarginLeft, Right = (UInt32Value)(uint)ReportDocxWriter.MarginRight,
                    Header = 851, Footer = 992, Gutter = 0,
                },
                new DocGrid { Type = DocGridValues.Lines, LinePitch = LineTwips }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>「2026年11月22日」 as dates are written in 公文 (Arabic numerals, GB/T 9704—2012 7.3.5.1).</summary>
    public static string ChineseDate(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    private static Paragraph Paragraph(string text, string font, int halfPoints, JustificationValues justification, bool indent)
    {
        var props = new ParagraphProperties(
            new SpacingBetweenLines { Line = LineTwips.ToString(CultureInfo.InvariantCulture), LineRule = LineSpacingRuleValues.Exact, Before = "0", After = "0" },
            new Justification { Val = justification });
        if (indent)
        {
            props.Append(new Indentation { FirstLineChars = 200, FirstLine = (2 * 320).ToString(CultureInfo.InvariantCulture) });
        }

        var size = halfPoints.ToString(CultureInfo.InvariantCulture);
        var run = new Run(
            new RunProperties(
                new RunFonts { Ascii = ReportDocxWriter.LatinFont, HighAnsi = ReportDocxWriter.LatinFont, EastAsia = font, ComplexScript = ReportDocxWriter.LatinFont },
                new FontSize { Val = size }, new FontSizeComplexScript { Val = size }),
            new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return new Paragraph(props, run);
    }
}
