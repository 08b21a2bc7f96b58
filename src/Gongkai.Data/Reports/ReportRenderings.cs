using System.Collections.Concurrent;
using Gongkai.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Reports;

/// <summary>
/// Files of locked report versions, rendered once and then served from the database: a locked
/// version never changes, and rendering a PDF through Chromium costs ~1.6 s, which anonymous
/// downloads must not be able to repeat at will. On one node, concurrent first requests for the
/// same file wait for one rendering; across nodes the first stored row wins.
/// </summary>
public static class ReportRenderings
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Rendering = new(StringComparer.Ordinal);

    /// <summary>The stored file of a version and format, rendering and storing it first when missing.</summary>
    public static async Task<byte[]> GetOrRenderAsync(GongkaiDbContext db, string agencyId, int year, int version, string format, string contentType,
        Func<CancellationToken, Task<byte[]>> render, CancellationToken ct = default)
    {
        if (await FindAsync(db, agencyId, year, version, format, ct).ConfigureAwait(false) is { } stored)
        {
            return stored;
        }

        var gate = Rendering.GetOrAdd($"{agencyId}/{year}/{version}/{format}", _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (await FindAsync(db, agencyId, year, version, format, ct).ConfigureAwait(false) is { } meanwhile)
            {
                return meanwhile;
            }

            var content = await render(ct).ConfigureAwait(false);
            db.ReportRenderings.Add(new ReportRenderingRow { AgencyId = agencyId, Year = year, Version = version, Format = format, ContentType = contentType, Content = content });
            try
            {
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
            }
            catch (DbUpdateException)
            {
                // Another node stored it first: serve what is stored, so every node serves the same bytes.
                db.ChangeTracker.Clear();
                return await FindAsync(db, agencyId, year, version, format, ct).ConfigureAwait(false) ?? content;
            }

            db.ChangeTracker.Clear();
            return content;
        }
        finally
        {
            gate.Release();
        }
    }

    private static Task<byte[]?> FindAsync(GongkaiDbContext db, string agencyId, int year, int version, string format, CancellationToken ct) =>
        db.ReportRenderings.AsNoTracking().Where(r => r.AgencyId == agencyId && r.Year == year && r.Version == version && r.Format == format)
            .Select(r => r.Content).FirstOrDefaultAsync(ct)!;
}
