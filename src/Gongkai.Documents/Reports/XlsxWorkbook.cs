using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Gongkai.Documents.Reports;

/// <summary>An amount shown with exactly four decimal places (收费金额, 万元) but stored as a number.</summary>
public readonly record struct Amount4(decimal Value);

/// <summary>A worksheet to write: rows of cells (string, number, <see cref="Amount4"/> or null) and merged ranges like "A1:C3".</summary>
public sealed class XlsxSheet(string name)
{
    public string Name { get; } = name.Length > 31 ? name[..31] : name;

    public List<object?[]> Rows { get; } = [];

    public List<string> Merges { get; } = [];

    /// <summary>Print across the page (wide tables); every sheet prints one page wide on A4.</summary>
    public bool Landscape { get; set; }

    /// <summary>Column widths in characters, by column; missing ones keep the default.</summary>
    public List<double> Widths { get; } = [];

    public XlsxSheet Row(params object?[] cells)
    {
        Rows.Add(cells);
        return this;
    }
}

/// <summary>
/// Writes a workbook with the OpenXML SDK. Numbers are stored as numbers (so they can be summed),
/// text as inline strings; one bold-free default style keeps the files small and portable.
/// </summary>
public static class XlsxWorkbook
{
    public static void Write(Stream stream, IReadOnlyList<XlsxSheet> sheets)
    {
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();
        styles.Stylesheet.Save();
        var sheetList = workbookPart.Workbook.AppendChild(new Sheets());
        uint id = 1;
        foreach (var sheet in sheets)
        {
            var part = workbookPart.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < sheet.Rows.Count; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < sheet.Rows[r].Length; c++)
                {
                    if (sheet.Rows[r][c] is { } value)
                    {
                        row.Append(Cell(Reference(c, r), value));
                    }
                }

                data.Append(row);
            }

            // Element order is fixed by the schema: sheetPr, cols, sheetData, mergeCells, pageMargins, pageSetup.
            var worksheet = new Worksheet(new SheetProperties(new PageSetupProperties { FitToPage = true }));
            if (sheet.Widths.Count > 0)
            {
                worksheet.Append(new Columns(sheet.Widths.Select((w, i) => new Column
                {
                    Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true,
                })));
            }

            worksheet.Append(data);
            if (sheet.Merges.Count > 0)
            {
                worksheet.Append(new MergeCells(sheet.Merges.Select(m => new MergeCell { Reference = m })));
            }

            worksheet.Append(new PageMargins { Left = 0.5, Right = 0.5, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
            worksheet.Append(new PageSetup
            {
                PaperSize = 9, // A4
                Orientation = sheet.Landscape ? OrientationValues.Landscape : OrientationValues.Portrait,
                FitToWidth = 1,
                FitToHeight = 0,
            });

            part.Worksheet = worksheet;
            sheetList.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = id++, Name = sheet.Name });
        }

        workbookPart.Workbook.Save();
    }

    /// <summary>Style 0: numbers, bordered and centred; style 1: the same with format 「0.0000」; style 2: text, bordered and wrapped.</summary>
    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "0.0000" }) { Count = 1 },
        new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "宋体" })) { Count = 1 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(
                new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
                new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder())) { Count = 2 },
        new CellFormats(
            new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center })
            { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 1, ApplyBorder = true, ApplyAlignment = true },
            new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center })
            { NumberFormatId = 164, FontId = 0, FillId = 0, BorderId = 1, ApplyNumberFormat = true, ApplyBorder = true, ApplyAlignment = true },
            new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Left, Vertical = VerticalAlignmentValues.Center, WrapText = true })
            { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 1, ApplyBorder = true, ApplyAlignment = true }) { Count = 3 });

    private static Cell Cell(string reference, object value) => value switch
    {
        Amount4 amount => new Cell
        {
            CellReference = reference,
            DataType = CellValues.Number,
            StyleIndex = 1,
            CellValue = new CellValue(amount.Value.ToString(CultureInfo.InvariantCulture)),
        },
        int or long or decimal or double => new Cell
        {
            CellReference = reference,
            DataType = CellValues.Number,
            StyleIndex = 0,
            CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!),
        },
        _ => new Cell
        {
            CellReference = reference,
            DataType = CellValues.InlineString,
            StyleIndex = 2,
            InlineString = new InlineString(new Text(Convert.ToString(value, CultureInfo.InvariantCulture)!) { Space = SpaceProcessingModeValues.Preserve }),
        },
    };

    /// <summary>"A1"-style reference of a zero-based column and row.</summary>
    public static string Reference(int column, int row)
    {
        var name = "";
        for (var c = column + 1; c > 0; c = (c - 1) / 26)
        {
            name = (char)('A' + ((c - 1) % 26)) + name;
        }

        return name + (row + 1).ToString(CultureInfo.InvariantCulture);
    }
}
