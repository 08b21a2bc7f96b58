using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.Core.Reports;
using Gongkai.Core.Statute;

namespace Gongkai.Documents.Reports;

/// <summary>
/// Writes a report as a Word document in the layout of 《党政机关公文格式》 (GB/T 9704-2012): A4,
/// margins 37/35/28/26 mm, title in 方正小标宋简体 二号, body in 仿宋_GB2312 三号 on a fixed 28-point
/// line with a two-character indent, level-1 headings in 黑体, level-2 in 楷体_GB2312, page numbers
/// 「— 1 —」 in 宋体 四号. Fonts are named (with the fallbacks Word and WPS know), not embedded. The
/// tables reproduce the official template's merged cells and repeat their header rows.
/// </summary>
public static partial class ReportDocxWriter
{
    /// <summary>Twips per millimetre (1 inch = 1440 twips = 25.4 mm).</summary>
    private const double TwipsPerMm = 1440 / 25.4;

    public const int PageWidth = 11906;
    public const int PageHeight = 16838;
    public static readonly int MarginTop = Mm(37);
    public static readonly int MarginBottom = Mm(35);
    public static readonly int MarginLeft = Mm(28);
    public static readonly int MarginRight = Mm(26);

    /// <summary>Font sizes in half-points: 二号 22pt, 三号 16pt, 四号 14pt, 小五 9pt.</summary>
    public const int Size2Hao = 44;
    public const int Size3Hao = 32;
    public const int Size4Hao = 28;
    public const int SizeXiaoWu = 18;

    /// <summary>The fixed body line: 28 points.</summary>
    public const int LineTwips = 560;

    public const string TitleFont = "方正小标宋简体";
    public const string BodyFont = "仿宋_GB2312";
    public const string Heading1Font = "黑体";
    public const string Heading2Font = "楷体_GB2312";
    public const string TableFont = "宋体";
    public const string LatinFont = "Times New Roman";

    private static int Mm(double mm) => (int)Math.Round(mm * TwipsPerMm);

    private static int TextWidth => PageWidth - MarginLeft - MarginRight;

    public static byte[] Write(AnnualReport report)
    {
        using var stream = new MemoryStream();
        Write(stream, report);
        return stream.ToArray();
    }

    public static void Write(Stream stream, AnnualReport report)
    {
        using var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        AddStyles(main);
        AddFonts(main);
        var footer = main.AddNewPart<FooterPart>();
        footer.Footer = PageNumberFooter();
        var body = new Body();
        body.Append(Title(ReportSections.Title(report.Agency, report.Year)));
        Section(body, ReportSections.Overview, report.Sections.Overview);
        body.Append(Heading1(ReportSections.Proactive));
        body.Append(report.Proactive is { } p ? ProactiveTableOf(p) : Missing());
        body.Append(Heading1(ReportSections.Requests));
        body.Append(report.Requests is { } r ? RequestTableOf(r) : Missing());
        body.Append(Heading1(ReportSections.Appeals));
        body.Append(report.Appeals is { } a ? AppealTableOf(a) : Missing());
        Section(body, ReportSections.Problems, report.Sections.Problems);
        Section(body, ReportSections.Other, report.Sections.Other);
        body.Append(PageSection(main, footer));
        main.Document = new Document(body);
        main.Document.Save();
    }

    /// <summary>The 公文 page (A4, GB/T 9704 margins and line grid) with the page-number footer.</summary>
    private static SectionProperties PageSection(MainDocumentPart main, FooterPart footer) => new(
        new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
        new PageSize { Width = (UInt32Value)(uint)PageWidth, Height = (UInt32Value)(uint)PageHeight },
        new PageMargin
        {
            Top = MarginTop, Bottom = MarginBottom, Left = (UInt32Value)(uint)MarginLeft, Right = (UInt32Value)(uint)MarginRight,
            Header = (UInt32Value)(uint)Mm(15), Footer = (UInt32Value)(uint)Mm(28) / 2, Gutter = 0,
        },
        new DocGrid { Type = DocGridValues.Lines, LinePitch = LineTwips });

    private static void Section(Body body, string title, string? text)
    {
        body.Append(Heading1(title));
        if (text is null)
        {
            body.Append(Missing());
            return;
        }

        foreach (var line in text.Split('\n'))
        {
            if (line.Trim().Length > 0)
            {
                body.Append(BodyParagraph(line.Trim()));
            }
        }
    }

    private static Paragraph Missing() => BodyParagraph("（缺）");

    private static RunProperties Font(string eastAsia, int halfPoints, bool bold = false)
    {
        var props = new RunProperties(
            new RunFonts { Ascii = LatinFont, HighAnsi = LatinFont, EastAsia = eastAsia, ComplexScript = LatinFont },
            new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) },
            new FontSizeComplexScript { Val = halfPoints.ToString(CultureInfo.InvariantCulture) });
        if (bold)
        {
            props.Append(new Bold());
        }

        return props;
    }

    private static Run Text(string text, string font, int size) =>
        new(Font(font, size), new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    private static SpacingBetweenLines Exact(int twips) => new() { Line = twips.ToString(CultureInfo.InvariantCulture), LineRule = LineSpacingRuleValues.Exact, Before = "0", After = "0" };

    private static Paragraph Title(string text) => new(
        new ParagraphProperties(new Justification { Val = JustificationValues.Center }, new SpacingBetweenLines { Line = "700", LineRule = LineSpacingRuleValues.Exact, Before = "0", After = LineTwips.ToString(CultureInfo.InvariantCulture) }),
        Text(text, TitleFont, Size2Hao));

    private static ParagraphProperties Indented() => new(Exact(LineTwips), new Indentation { FirstLineChars = 200, FirstLine = (2 * 320).ToString(CultureInfo.InvariantCulture) }, new Justification { Val = JustificationValues.Both });

    private static Paragraph Heading1(string text) => new(Indented(), Text(text, Heading1Font, Size3Hao));

    /// <summary>A body paragraph; a leading 「（一）…。」 is a level-2 heading set in 楷体.</summary>
    private static Paragraph BodyParagraph(string text)
    {
        var m = Level2().Match(text);
        var p = new Paragraph(Indented());
        if (m.Success)
        {
            p.Append(Text(m.Value, Heading2Font, Size3Hao));
            if (m.Length < text.Length)
            {
                p.Append(Text(text[m.Length..], BodyFont, Size3Hao));
            }
        }
        else
        {
            p.Append(Text(text, BodyFont, Size3Hao));
        }

        return p;
    }

    [GeneratedRegex(@"^[（(][一二三四五六七八九十]+[）)][^。：:]{0,30}[。：:]?")]
    private static partial Regex Level2();

    private static Footer PageNumberFooter() => new(new Paragraph(
        new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
        Text("— ", TableFont, Size4Hao),
        new SimpleField(Text("1", TableFont, Size4Hao)) { Instruction = " PAGE " },
        Text(" —", TableFont, Size4Hao)));

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = LatinFont, HighAnsi = LatinFont, EastAsia = BodyFont, ComplexScript = LatinFont },
                    new FontSize { Val = Size3Hao.ToString(CultureInfo.InvariantCulture) },
                    new Languages { Val = "en-US", EastAsia = "zh-CN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(Exact(LineTwips)))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
        styles.Styles.Save();
    }

    /// <summary>The 公文 fonts with the names Word and WPS fall back to when a machine lacks them.</summary>
    private static void AddFonts(MainDocumentPart main)
    {
        var part = main.AddNewPart<FontTablePart>();
        part.Fonts = new Fonts(
            FontEntry(TitleFont, "方正小标宋_GBK", "134"),
            FontEntry(BodyFont, "仿宋", "134"),
            FontEntry(Heading1Font, "SimHei", "134"),
            FontEntry(Heading2Font, "楷体", "134"),
            FontEntry(TableFont, "SimSun", "134"),
            FontEntry(LatinFont, null, "00"));
        part.Fonts.Save();
    }

    private static Font FontEntry(string name, string? altName, string charset)
    {
        var font = new Font { Name = name };
        if (altName is not null)
        {
            font.Append(new AltName { Val = altName });
        }

        font.Append(new FontCharSet { Val = charset });
        font.Append(new FontFamily { Val = FontFamilyValues.Auto });
        return font;
    }

    // ---- tables ----

    private sealed record CellSpec(string Text, int Span = 1, MergedCellValues? VMerge = null, bool Label = false);

    private static Table NewTable(int[] widths, int headerRows, IEnumerable<CellSpec[]> rows)
    {
        var border = () => new BorderType[]
        {
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 },
        };
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = widths.Sum().ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableJustification { Val = TableRowAlignmentValues.Center },
                new TableBorders(border()),
                new TableCellMarginDefault(new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa }, new TableCellLeftMargin { Width = 40, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa }, new TableCellRightMargin { Width = 40, Type = TableWidthValues.Dxa })),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        var index = 0;
        foreach (var specs in rows)
        {
            var row = new TableRow();
            if (index++ < headerRows)
            {
                row.Append(new TableRowProperties(new TableHeader(), new CantSplit()));
            }
            else
            {
                row.Append(new TableRowProperties(new CantSplit()));
            }

            var column = 0;
            foreach (var spec in specs)
            {
                var width = widths.Skip(column).Take(spec.Span).Sum();
                column += spec.Span;
                var props = new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
                if (spec.Span > 1)
                {
                    props.Append(new GridSpan { Val = spec.Span });
                }

                if (spec.VMerge is { } merge)
                {
                    props.Append(new VerticalMerge { Val = merge });
                }

                props.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
                var paragraph = new Paragraph(
                    new ParagraphProperties(new SnapToGrid { Val = false }, new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto, Before = "0", After = "0" },
                        new Justification { Val = spec.Label ? JustificationValues.Left : JustificationValues.Center }));
                if (spec.Text.Length > 0)
                {
                    paragraph.Append(Text(spec.Text, TableFont, SizeXiaoWu));
                }

                row.Append(new TableCell(props, paragraph));
            }

            table.Append(row);
        }

        return table;
    }

    private static string V(decimal? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string V(int? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static Table ProactiveTableOf(ProactiveData data)
    {
        var span = ProactiveTable.DataColumnSpan(data.Edition);
        var first = TextWidth * 3 / 10;
        var rest = (TextWidth - first) / span;
        var widths = new[] { first }.Concat(Enumerable.Repeat(rest, span)).ToArray();
        var rows = new List<CellSpec[]>();
        foreach (var block in ProactiveTable.Blocks(data.Edition))
        {
            rows.Add([new CellSpec(block.Title, span + 1)]);
            rows.Add([new CellSpec(ProactiveTable.ContentHeader), .. block.Columns.Select((c, i) => new CellSpec(c.Label, Stretch(i, block.Columns.Count, span)))]);
            foreach (var row in block.Rows)
            {
                var cells = data[row];
                rows.Add([new CellSpec(row.Label, Label: true), .. block.Columns.Select((c, i) => new CellSpec(V(cells?[i]), Stretch(i, block.Columns.Count, span)))]);
            }
        }

        return NewTable(widths, 0, rows);
    }

    private static int Stretch(int index, int count, int span) => index == count - 1 ? span - count + 1 : 1;

    private static Table RequestTableOf(RequestData data)
    {
        var group = 420;
        var sub = 1000;
        var label = 2700;
        var number = (TextWidth - group - sub - label) / 7;
        int[] widths = [group, sub, label, .. Enumerable.Repeat(number, 7)];
        var rows = new List<CellSpec[]>();
        rows.Add([new CellSpec(RequestTable.Note, 3, MergedCellValues.Restart), new CellSpec(ApplicantColumns.ApplicantHeader, 7)]);
        rows.Add(
        [
            new CellSpec("", 3, MergedCellValues.Continue), new CellSpec(ApplicantColumns.Natural.Label, 1, MergedCellValues.Restart),
            new CellSpec(ApplicantColumns.OrganisationHeader, 5), new CellSpec(ApplicantColumns.Total.Label, 1, MergedCellValues.Restart),
        ]);
        rows.Add(
        [
            new CellSpec("", 3, MergedCellValues.Continue), new CellSpec("", 1, MergedCellValues.Continue),
            .. ApplicantColumns.All.Where(c => c.IsOrganisation).Select(c => new CellSpec(c.Label)),
            new CellSpec("", 1, MergedCellValues.Continue),
        ]);
        var resultsOpen = false;
        string? openGroup = null;
        foreach (var row in data.Rows)
        {
            var cells = new List<CellSpec>();
            if (row.Kind is RequestRowKind.Received or RequestRowKind.CarriedOver or RequestRowKind.CarriedForward)
            {
                cells.Add(new CellSpec(row.Label, 3, Label: true));
            }
            else
            {
                cells.Add(new CellSpec(resultsOpen ? "" : RequestTable.ResultsHeader, 1, resultsOpen ? MergedCellValues.Continue : MergedCellValues.Restart));
                resultsOpen = true;
                if (row.Group is null)
                {
                    cells.Add(new CellSpec(row.Label, 2, Label: true));
                }
                else
                {
                    var first = row.Group != openGroup;
                    openGroup = row.Group;
                    cells.Add(new CellSpec(first ? row.Group : "", 1, first ? MergedCellValues.Restart : MergedCellValues.Continue, Label: true));
                    cells.Add(new CellSpec(row.Label, Label: true));
                }
            }

            var values = data[row];
            cells.AddRange(ApplicantColumns.All.Select(c => new CellSpec(V(values?[c.Index]))));
            rows.Add([.. cells]);
        }

        return NewTable(widths, 3, rows);
    }

    private static Table AppealTableOf(AppealData data)
    {
        var width = TextWidth / AppealTable.CellCount;
        var widths = Enumerable.Repeat(width, AppealTable.CellCount).ToArray();
        var per = AppealTable.Columns.Count;
        var rows = new List<CellSpec[]>();
        rows.Add([new CellSpec(AppealTable.ReconsiderationHeader, per), new CellSpec(AppealTable.LitigationHeader, per * 2)]);
        rows.Add(
        [
            .. AppealTable.Columns.Select(c => new CellSpec(c.Label, 1, MergedCellValues.Restart)),
            .. AppealTable.Groups.Where(g => g.Parent is not null).Select(g => new CellSpec(g.Label, per)),
        ]);
        rows.Add(
        [
            .. AppealTable.Columns.Select(_ => new CellSpec("", 1, MergedCellValues.Continue)),
            .. AppealTable.Groups.Where(g => g.Parent is not null).SelectMany(_ => AppealTable.Columns.Select(c => new CellSpec(c.Label))),
        ]);
        rows.Add([.. AppealTable.Groups.SelectMany(g => AppealTable.Columns.Select(c => new CellSpec(V(data.Cell(g, c)))))]);
        return NewTable(widths, 3, rows);
    }
}
