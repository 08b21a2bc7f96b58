namespace Gongkai.Data.Model;

/// <summary>
/// A row that records when it was written. <see cref="GongkaiDbContext"/> stamps it from its
/// injected clock on save, so no store reads the wall clock.
/// </summary>
public interface IStamped
{
    /// <param name="utcNow">The context clock's instant, UTC.</param>
    /// <param name="added">True when the row is new, false when it is modified.</param>
    void Stamp(DateTime utcNow, bool added);
}
