namespace RulesEngine.Persistence.Bookmarks;

public interface IBookmarkStore
{
    /// <summary>Adds bookmarks; an empty Id gets a new one, CreatedAt is set from the clock.</summary>
    Task AddAsync(IReadOnlyCollection<Bookmark> bookmarks, CancellationToken cancellationToken = default);

    /// <summary>Bookmarks of a tenant by name, and by payload hash and correlation id when given.</summary>
    Task<IReadOnlyList<Bookmark>> FindAsync(string tenantId, string name, string? hash = null, string? correlationId = null, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Bookmark>> ListByInstanceAsync(string tenantId, string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Deletes one bookmark. Of several callers racing to resume the same bookmark, exactly one gets true.</summary>
    Task<bool> DeleteAsync(string tenantId, string bookmarkId, CancellationToken cancellationToken = default);

    Task<int> DeleteByInstanceAsync(string tenantId, string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Platform-wide: timer bookmarks due at or before <paramref name="until"/>, earliest first.</summary>
    Task<IReadOnlyList<Bookmark>> ListDueAsync(DateTimeOffset until, int max, CancellationToken cancellationToken = default);
}
