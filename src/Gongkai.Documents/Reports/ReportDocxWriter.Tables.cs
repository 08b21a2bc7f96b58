using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Gongkai.Documents.Reports;

/// <summary>A section of a table document: a heading, paragraphs, and a table whose first row is its header.</summary>
public sealed record DocxTableSection(string Heading, IReadOnlyList<string> Paragraphs, IReadOnlyList<string[]>? Table = null, int[]? Widths = null);

public static partial class ReportDocxWriter
{
    /// <summary>
    /// A document of headed sections with plain tables, on the report's page, fonts and table style (e.g. the 年报审查
    /// comparison of an agency with its previous year). Column widths are relative; they fill the text width.
    /// </summary>
    public static byte[] WriteTables(string title, IReadOnlyList<DocxTableSection> sections)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            AddFonts(main);
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = PageNumberFooter();
            var body = new Body();
            body.Append(Title(title));
            foreach (var section in sections)
            {
                body.Append(Heading1(section.Heading));
                foreach (var text in section.Paragraphs)
                {
                    body.Append(BodyParagraph(text));
                }

                if (section.Table is { Count: > 0 } table)
                {
                    var columns = table.Max(r => r.Length);
                    var relative = section.Widths ?? Enumerable.Repeat(1, columns).ToArray();
                    var widths = relative.Select(w => TextWidth * w / relative.Sum()).ToArray();
                    body.Append(NewTable(widths, 1, table.Select((row, i) => row.Select((cell, c) => new CellSpec(cell, Label: c == 0 && i > 0)).ToArray())));
                }
            }

            body.Append(PageSection(main, footer));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }
}
