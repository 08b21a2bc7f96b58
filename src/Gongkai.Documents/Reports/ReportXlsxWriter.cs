using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Rules;
using Gongkai.Core.Statute;

namespace Gongkai.Documents.Reports;

/// <summary>
/// The report's tables as a workbook for submission to the superior: one sheet per table with the
/// official merged headers, numeric cells (summable), the fee amount with four decimals, and a
/// 「校验」 sheet listing every diagnostic.
/// </summary>
public static class ReportXlsxWriter
{
    public static byte[] Write(AnnualReport report, IReadOnlyList<Diagnostic> diagnostics)
    {
        using var stream = new MemoryStream();
        XlsxWorkbook.Write(stream, [Proactive(report), Requests(report), Appeals(report), Checks(diagnostics)]);
        return stream.ToArray();
    }

    private static XlsxSheet Proactive(AnnualReport report)
    {
        var sheet = new XlsxSheet("表二 主动公开");
        sheet.Widths.AddRange([24, 16, 16, 16]);
        if (report.Proactive is not { } data)
        {
            return sheet.Row("（报告缺少此表）");
        }

        var span = ProactiveTable.DataColumnSpan(data.Edition);
        foreach (var block in ProactiveTable.Blocks(data.Edition))
        {
            Merge(sheet, sheet.Rows.Count, 0, 1, span + 1);
            sheet.Row(block.Title);
            var header = new object?[span + 1];
            header[0] = ProactiveTable.ContentHeader;
            for (var i = 0; i < block.Columns.Count; i++)
            {
                header[i + 1] = block.Columns[i].Label;
            }

            Stretch(sheet, block.Columns.Count, span);
            sheet.Row(header);
            foreach (var row in block.Rows)
            {
                var cells = new object?[span + 1];
                cells[0] = row.Label;
                for (var i = 0; i < block.Columns.Count; i++)
                {
                    var v = data[row]?[i];
                    cells[i + 1] = v is null ? null : block.Columns[i].Kind == CellKind.Amount ? new Amount4(v.Value) : v.Value;
                }

                Stretch(sheet, block.Columns.Count, span);
                sheet.Row(cells);
            }
        }

        return sheet;
    }

    /// <summary>The last column of a narrow block spans the rest of the table, as in the template.</summary>
    private static void Stretch(XlsxSheet sheet, int columns, int span)
    {
        if (columns < span)
        {
            Merge(sheet, sheet.Rows.Count, columns, 1, span - columns + 1);
        }
    }

    private static XlsxSheet Requests(AnnualReport report)
    {
        var sheet = new XlsxSheet("表三 依申请公开");
        sheet.Widths.AddRange([5, 11, 32, 7, 7, 7, 7, 7, 7, 7]);
        if (report.Requests is not { } data)
        {
            return sheet.Row("（报告缺少此表）");
        }

        Merge(sheet, 0, 0, 3, 3);
        Merge(sheet, 0, 3, 1, 7);
        Merge(sheet, 1, 3, 2, 1);
        Merge(sheet, 1, 4, 1, 5);
        Merge(sheet, 1, 9, 2, 1);
        sheet.Row(RequestTable.Note, null, null, ApplicantColumns.ApplicantHeader);
        sheet.Row(null, null, null, ApplicantColumns.Natural.Label, ApplicantColumns.OrganisationHeader, null, null, null, null, ApplicantColumns.Total.Label);
        sheet.Row([null, null, null, null, .. ApplicantColumns.All.Where(c => c.IsOrganisation).Select(c => (object?)c.Label)]);

        var rows = data.Rows;
        var first = sheet.Rows.Count;
        var results = rows.Count(r => r.Kind is RequestRowKind.Outcome or RequestRowKind.Total);
        var resultsStart = first + rows.TakeWhile(r => r.Kind is not (RequestRowKind.Outcome or RequestRowKind.Total)).Count();
        Merge(sheet, resultsStart, 0, results, 1);
        string? openGroup = null;
        foreach (var row in rows)
        {
            var at = sheet.Rows.Count;
            var cells = new object?[10];
            switch (row.Kind)
            {
                case RequestRowKind.Received or RequestRowKind.CarriedOver or RequestRowKind.CarriedForward:
                    cells[0] = row.Label;
                    Merge(sheet, at, 0, 1, 3);
                    break;
                default:
                    if (at == resultsStart)
                    {
                        cells[0] = RequestTable.ResultsHeader;
                    }

                    if (row.Group is null)
                    {
                        cells[1] = row.Label;
                        Merge(sheet, at, 1, 1, 2);
                    }
                    else
                    {
                        if (row.Group != openGroup)
                        {
                            cells[1] = row.Group;
                            Merge(sheet, at, 1, rows.Count(r => r.Group == row.Group), 1);
                            openGroup = row.Group;
                        }

                        cells[2] = row.Label;
                    }

                    break;
            }

            var values = data[row];
            foreach (var column in ApplicantColumns.All)
            {
                cells[3 + column.Index] = values?[column.Index];
            }

            sheet.Row(cells);
        }

        return sheet;
    }

    private static XlsxSheet Appeals(AnnualReport report)
    {
        var sheet = new XlsxSheet("表四 复议诉讼") { Landscape = true };
        sheet.Widths.AddRange(Enumerable.Repeat(7.0, AppealTable.CellCount));
        if (report.Appeals is not { } data)
        {
            return sheet.Row("（报告缺少此表）");
        }

        var per = AppealTable.Columns.Count;
        Merge(sheet, 0, 0, 1, per);
        Merge(sheet, 0, per, 1, per * 2);
        for (var c = 0; c < per; c++)
        {
            Merge(sheet, 1, c, 2, 1);
        }

        Merge(sheet, 1, per, 1, per);
        Merge(sheet, 1, per * 2, 1, per);
        var row0 = new object?[per * 3];
        row0[0] = AppealTable.ReconsiderationHeader;
        row0[per] = AppealTable.LitigationHeader;
        sheet.Row(row0);
        var row1 = new object?[per * 3];
        foreach (var column in AppealTable.Columns)
        {
            row1[column.Index] = column.Label;
        }

        row1[per] = AppealTable.Groups[1].Label;
        row1[per * 2] = AppealTable.Groups[2].Label;
        sheet.Row(row1);
        sheet.Row([.. Enumerable.Repeat<object?>(null, per), .. AppealTable.Columns.Concat(AppealTable.Columns).Select(c => (object?)c.Label)]);
        sheet.Row([.. AppealTable.Groups.SelectMany(g => AppealTable.Columns.Select(c => (object?)data.Cell(g, c)))]);
        return sheet;
    }

    private static XlsxSheet Checks(IReadOnlyList<Diagnostic> diagnostics)
    {
        var sheet = new XlsxSheet("校验") { Landscape = true }.Row("级别", "代码", "位置", "说明");
        sheet.Widths.AddRange([6, 18, 40, 80]);
        foreach (var d in diagnostics)
        {
            sheet.Row(d.Severity.SeverityLabel(), d.Code, d.Location.ToString(), d.Message);
        }

        if (diagnostics.Count == 0)
        {
            sheet.Row("—", "—", "—", "未发现问题");
        }

        return sheet;
    }

    private static void Merge(XlsxSheet sheet, int row, int column, int rows, int columns)
    {
        if (rows > 1 || columns > 1)
        {
            sheet.Merges.Add($"{XlsxWorkbook.Reference(column, row)}:{XlsxWorkbook.Reference(column + columns - 1, row + rows - 1)}");
        }
    }
}
