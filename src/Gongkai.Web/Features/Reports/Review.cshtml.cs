using Gongkai.Core.Reports;
using Gongkai.Core.Statute;
using Gongkai.Documents.Reading;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Features.Reports;

/// <summary>A year's figures for the charts: applications by outcome and by agency.</summary>
public sealed record ReviewChart(IReadOnlyList<(string Label, int Value)> Outcomes, IReadOnlyList<(string Label, int Value)> Agencies);

/// <summary>
/// 年报审查 for a government's 政务公开办: many subordinate reports uploaded at once, each read by
/// content (PDF, DOCX, HTML, text, JSON), checked, and rolled up; a file that cannot be read is a row
/// with its reason, never an abort. Nothing uploaded is stored.
/// </summary>
public sealed class ReviewModel(StaffScopes scopes) : StaffPage(scopes)
{
    private const int MaxFiles = 200;

    [BindProperty] public List<IFormFile> Files { get; set; } = [];

    public RollupResult? Result { get; private set; }

    public IActionResult OnGet() => Staff.SupervisesOthers ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Staff.SupervisesOthers)
        {
            return Forbid();
        }

        var inputs = new List<RollupInput>();
        foreach (var file in Files.Take(MaxFiles))
        {
            var name = Path.GetFileName(file.FileName);
            if (file.Length > ReportLoader.MaxFileBytes)
            {
                inputs.Add(ReportLoader.ForRollup(name, () => throw new ReportReadException(name, "文件过大")));
                continue;
            }

            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            var bytes = buffer.ToArray();
            inputs.Add(ReportLoader.ForRollup(name, () => ReportLoader.Load(name, bytes)));
        }

        Result = ReportRollup.Build(inputs);
        return Page();
    }

    public ReviewChart ChartFor(RollupTotal total)
    {
        var requests = total.Sum.Requests;
        var totalColumn = ApplicantColumns.Count - 1;
        var outcomes = RequestTable.OutcomeRows(total.Edition)
            .Select(r => (r.Group is { } g ? $"{g} {r.Label}" : r.Label, requests?[r]?[totalColumn] ?? 0)).Where(x => x.Item2 > 0).ToArray();
        var agencies = Result!.Entries
            .Where(e => e.Input.Report is { } r && r.Year == total.Year && r.Edition == total.Edition)
            .Select(e => (e.Input.Report!.Agency ?? e.Input.Source, e.Input.Report!.Requests?["received"]?[totalColumn] ?? 0)).ToArray();
        return new ReviewChart(outcomes, agencies);
    }
}
