using Gongkai.Core.Reports;
using Gongkai.Core.Statute;

namespace Gongkai.Testing;

/// <summary>
/// Builds random reports that satisfy every consistency rule, so tests can break exactly one
/// thing and check that exactly one rule notices. Numbers are built bottom-up: outcomes per
/// applicant type, their sums, then carry-over figures that balance.
/// </summary>
public static class ReportGenerator
{
    private static readonly string[] _agencies =
        ["北关区灯塔路街道办事处", "北关区人民政府", "北关区教育局", "南湖市生态环境局", "河西镇人民政府"];

    public static AnnualReport Consistent(Random random, Edition? edition = null, int? year = null, int scale = 50)
    {
        var ed = edition ?? (random.Next(2) == 0 ? Edition.V2019 : Edition.V2021);
        var y = year ?? (ed == Edition.V2019 ? random.Next(2019, 2021) : random.Next(2021, 2026));
        var report = AnnualReport.Blank(y, ed);
        report.Agency = _agencies[random.Next(_agencies.Length)];
        report.Sections = new ReportNarrative(
            $"本年度共收到政府信息公开申请若干件，依法按时答复。第{random.Next(100)}号",
            "公开内容的深度与广度仍需加强。",
            "本年度未收取信息处理费。");
        FillProactive(random, report.Proactive!, scale);
        FillRequests(random, report.Requests!, scale);
        FillAppeals(random, report.Appeals!);
        return report;
    }

    /// <summary>
    /// A consistent report for the year after <paramref name="previous"/>, chained to it: 上年结转
    /// equals last year's 结转下年度 and table 二's stocks follow on, so cross-year checks pass.
    /// </summary>
    public static AnnualReport FollowOn(AnnualReport previous, Random random)
    {
        var report = Consistent(random, previous.Edition, previous.Year + 1);
        report.Agency = previous.Agency;
        var data = report.Requests!;
        var carried = RequestTable.Row(report.Edition, RequestRowKind.CarriedOver);
        var received = RequestTable.Row(report.Edition, RequestRowKind.Received);
        var forward = RequestTable.Row(report.Edition, RequestRowKind.CarriedForward);
        var lastForward = previous.Requests![RequestTable.Row(previous.Edition, RequestRowKind.CarriedForward)]!;
        for (var c = 0; c < ApplicantColumns.Count; c++)
        {
            var shift = lastForward[c]!.Value - data[carried]![c]!.Value;
            data[carried]![c] = lastForward[c];
            data[received]![c] -= shift;
            if (data[received]![c] < 0)
            {
                data[forward]![c] -= data[received]![c];
                data[received]![c] = 0;
            }
        }

        foreach (var row in report.Proactive!.Rows)
        {
            if (row.Columns.Any(col => col.Key == "inForce"))
            {
                var stock = previous.Proactive!.Cell(row.Key, "inForce") + report.Proactive.Cell(row.Key, "issued");
                report.Proactive.SetCell(row.Key, "repealed", Math.Min(report.Proactive.Cell(row.Key, "repealed")!.Value, stock!.Value));
                report.Proactive.SetCell(row.Key, "inForce", stock - report.Proactive.Cell(row.Key, "repealed"));
            }
            else if (row.Columns.Any(col => col.Key == "change"))
            {
                report.Proactive.SetCell(row.Key, "previous", Math.Max(0, previous.Proactive!.Cell(row.Key, "previous")!.Value + previous.Proactive.Cell(row.Key, "change")!.Value));
            }
        }

        return report;
    }

    private static int Skewed(Random random, int scale) => random.Next(4) == 0 ? 0 : random.Next(scale + 1);

    private static void FillProactive(Random random, ProactiveData data, int scale)
    {
        foreach (var row in data.Rows)
        {
            var cells = new decimal?[row.Columns.Count];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = row.Columns[i].Kind switch
                {
                    CellKind.Count => Skewed(random, scale * 4),
                    CellKind.SignedCount => random.Next(-scale, scale + 1),
                    CellKind.Amount => Math.Round((decimal)random.NextDouble() * 100, 4) + 0.0000m,
                };
            }

            data[row] = cells;
        }
    }

    private static void FillRequests(Random random, RequestData data, int scale)
    {
        var parts = ApplicantColumns.Parts;
        var outcomeTotal = new long[parts.Count];
        foreach (var row in RequestTable.OutcomeRows(data.Edition))
        {
            var cells = new int?[ApplicantColumns.Count];
            for (var i = 0; i < parts.Count; i++)
            {
                var v = i == 0 ? Skewed(random, scale) : Skewed(random, scale / 10);
                cells[i] = v;
                outcomeTotal[i] += v;
            }

            data[row] = WithTotal(cells);
        }

        data[RequestTable.Row(data.Edition, RequestRowKind.Total)] = WithTotal(outcomeTotal.Select(v => (int?)v).Append(null).ToArray());

        // 一 + 二 = （七） + 四: pick 四 and split 一+二 at random.
        var received = new int?[ApplicantColumns.Count];
        var carriedOver = new int?[ApplicantColumns.Count];
        var forward = new int?[ApplicantColumns.Count];
        for (var i = 0; i < parts.Count; i++)
        {
            var f = random.Next(4) == 0 ? random.Next(scale / 5 + 1) : 0;
            var inflow = (int)outcomeTotal[i] + f;
            var c = random.Next(Math.Min(inflow, scale / 5) + 1);
            forward[i] = f;
            carriedOver[i] = c;
            received[i] = inflow - c;
        }

        data[RequestTable.Row(data.Edition, RequestRowKind.Received)] = WithTotal(received);
        data[RequestTable.Row(data.Edition, RequestRowKind.CarriedOver)] = WithTotal(carriedOver);
        data[RequestTable.Row(data.Edition, RequestRowKind.CarriedForward)] = WithTotal(forward);
    }

    private static int?[] WithTotal(int?[] cells)
    {
        var result = new int?[ApplicantColumns.Count];
        for (var i = 0; i < ApplicantColumns.Parts.Count; i++)
        {
            result[i] = cells[i];
        }

        result[ApplicantColumns.Total.Index] = ApplicantColumns.Parts.Sum(c => result[c.Index]!.Value);
        return result;
    }

    private static void FillAppeals(Random random, AppealData data)
    {
        foreach (var group in AppealTable.Groups)
        {
            var cells = AppealTable.Parts.Select(_ => (int?)(random.Next(3) == 0 ? random.Next(5) : 0)).ToList();
            cells.Add(cells.Sum());
            data[group] = cells.ToArray();
        }
    }
}
