using Microsoft.EntityFrameworkCore;
using RulesEngine.Persistence.Infrastructure;

namespace RulesEngine.Persistence.Bookmarks;

internal sealed class BookmarkStore(IDbContextFactory<RulesEngineDbContext> factory, TimeProvider time) : IBookmarkStore
{
    public async Task AddAsync(IReadOnlyCollection<Bookmark> bookmarks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bookmarks);
        var now = time.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        foreach (var bookmark in bookmarks)
        {
            if (string.IsNullOrEmpty(bookmark.Id))
            {
                bookmark.Id = Ids.New();
            }

            bookmark.CreatedAt = now;
            bookmark.ResumeAt = bookmark.ResumeAt?.ToUniversalTime();
            db.Bookmarks.Add(bookmark);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        db.ChangeTracker.Clear();
    }

    public async Task<IReadOnlyList<Bookmark>> FindAsync(string tenantId, string name, string? hash = null, string? correlationId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var query = db.Bookmarks.AsNoTracking().Where(b => b.TenantId == tenantId && b.Name == name);
        if (hash is not null)
        {
            query = query.Where(b => b.Hash == hash);
        }

        if (correlationId is not null)
        {
            query = query.Where(b => b.CorrelationId == correlationId);
        }

        return await query.OrderBy(b => b.CreatedAt).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Bookmark>> ListByInstanceAsync(string tenantId, string instanceId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Bookmarks.AsNoTracking()
            .Where(b => b.TenantId == tenantId && b.InstanceId == instanceId)
            .OrderBy(b => b.CreatedAt)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> DeleteAsync(string tenantId, string bookmarkId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Bookmarks.Where(b => b.TenantId == tenantId && b.Id == bookmarkId)
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<int> DeleteByInstanceAsync(string tenantId, string instanceId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Bookmarks.Where(b => b.TenantId == tenantId && b.InstanceId == instanceId)
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Bookmark>> ListDueAsync(DateTimeOffset until, int max, CancellationToken cancellationToken = default)
    {
        var untilUtc = until.ToUniversalTime();
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Bookmarks.AsNoTracking()
            .Where(b => b.ResumeAt != null && b.ResumeAt <= untilUtc)
            .OrderBy(b => b.ResumeAt)
            .Take(max)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }
}
