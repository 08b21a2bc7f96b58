using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.Documents.Reading.Text;

namespace Gongkai.Documents.Reading;

/// <summary>
/// Reads a report saved as a Word document: paragraphs become lines, table rows tab-separated
/// lines (a vertically merged cell's continuation is blank, as it looks on the page).
/// </summary>
public static class DocxReportReader
{
    public static LoadedReport Read(Stream docx, string source)
    {
        string text;
        try
        {
            using var document = WordprocessingDocument.Open(docx, false);
            var body = document.MainDocumentPart?.Document?.Body
                ?? throw new ReportReadException(source, "DOCX 文件没有正文");
            text = ToText(body);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or System.Xml.XmlException)
        {
            throw new ReportReadException(source, $"无法打开 DOCX 文件：{e.Message}");
        }

        return TextReportReader.Read(text, source, "docx");
    }

    public static string ToText(Body body)
    {
        var sb = new StringBuilder();
        foreach (var element in body.ChildElements)
        {
            switch (element)
            {
                case Paragraph p:
                    sb.Append(ParagraphText(p)).Append('\n');
                    break;
                case Table t:
                    foreach (var row in t.Elements<TableRow>())
                    {
                        sb.Append(string.Join('\t', row.Elements<TableCell>().Select(c =>
                            string.Join("", c.Elements<Paragraph>().Select(ParagraphText)).Replace('\t', ' ').Trim()))).Append('\n');
                    }

                    break;
            }
        }

        return sb.ToString();
    }

    private static string ParagraphText(Paragraph p)
    {
        var sb = new StringBuilder();
        foreach (var node in p.Descendants())
        {
            switch (node)
            {
                case DocumentFormat.OpenXml.Wordprocessing.Text t:
                    sb.Append(t.Text);
                    break;
                case TabChar:
                    sb.Append(' ');
                    break;
                case Break:
                    sb.Append('\n');
                    break;
            }
        }

        return sb.ToString();
    }
}
