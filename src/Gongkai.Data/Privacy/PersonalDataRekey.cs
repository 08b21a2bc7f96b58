using Gongkai.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Privacy;

/// <summary>
/// Re-encrypts applicants' personal data under the ring's current key: rows written before
/// encryption (migration 0009 left them in clear) and rows under an older key after a rotation.
/// Runs in batches, each its own transaction, so a stop half-way loses nothing and a rerun goes on.
/// </summary>
public static class PersonalDataRekey
{
    private const int Batch = 2000;

    /// <summary>Rows needing it re-encrypted; returns how many.</summary>
    public static int Run(GongkaiDbContext db)
    {
        var current = $"{PersonalDataKeys.Prefix}{db.PersonalData.CurrentId}:%";
        var total = 0;
        long after = 0;
        while (true)
        {
            // Raw SQL: the stored (encrypted) text, not what the converter reads back.
            var ids = db.Database.SqlQueryRaw<long>(
                """
                SELECT "Id" AS "Value" FROM applications
                WHERE "Id" > {0} AND (("IdNumber" IS NOT NULL AND "IdNumber" NOT LIKE {1}) OR "Phone" NOT LIKE {1}
                   OR ("Email" IS NOT NULL AND "Email" NOT LIKE {1}) OR ("Address" IS NOT NULL AND "Address" NOT LIKE {1}))
                ORDER BY "Id" LIMIT {2}
                """, after, current, Batch).ToList();
            if (ids.Count == 0)
            {
                return total;
            }

            var rows = db.Applications.Where(a => ids.Contains(a.Id)).ToList();
            foreach (var row in rows)
            {
                var entry = db.Entry(row);
                foreach (var column in new[] { nameof(ApplicationRow.IdNumber), nameof(ApplicationRow.Phone), nameof(ApplicationRow.Email), nameof(ApplicationRow.Address) })
                {
                    entry.Property(column).IsModified = true;
                }
            }

            db.SaveChanges();
            db.ChangeTracker.Clear();
            total += rows.Count;
            after = ids[^1];
        }
    }
}
