using Gongkai.Core.Reports;
using Gongkai.Core.Statute;

namespace Gongkai.Documents.Reports;

/// <summary>The roll-up as a workbook: a sheet listing every report and diagnostic, and one sheet of table 三 sums per year.</summary>
public static class RollupXlsxWriter
{
    public static void Write(Stream stream, RollupResult result)
    {
        var sheets = new List<XlsxSheet>();
        var list = new XlsxSheet("逐份报告").Row("文件", "机关", "年度", "格式", "错误", "警告", "代码", "说明");
        foreach (var e in result.Entries)
        {
            var r = e.Input.Report;
            list.Row(e.Input.Source, r?.Agency, r?.Year, r is null ? null : r.Edition.Code(), e.Errors, e.Warnings);
            foreach (var d in e.Diagnostics)
            {
                list.Row(null, null, null, null, null, null, d.Code, d.Message);
            }
        }

        sheets.Add(list);
        foreach (var total in result.Totals)
        {
            var sheet = new XlsxSheet($"{total.Year}年表三合计");
            sheet.Row(["行", .. ApplicantColumns.All.Select(c => c.Label)]);
            foreach (var row in RequestTable.Rows(total.Edition))
            {
                sheet.Row([row.FullName, .. total.Sum.Requests![row]!.Select(v => (object?)v)]);
            }

            sheet.Row();
            sheet.Row(["表四", .. AppealTable.Columns.Select(c => c.Label)]);
            foreach (var group in AppealTable.Groups)
            {
                sheet.Row([group.DisplayName, .. total.Sum.Appeals![group]!.Select(v => (object?)v)]);
            }

            sheets.Add(sheet);
        }

        XlsxWorkbook.Write(stream, sheets);
    }
}
