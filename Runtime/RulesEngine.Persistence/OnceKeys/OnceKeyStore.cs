using Microsoft.EntityFrameworkCore;
using RulesEngine.Persistence.Infrastructure;

namespace RulesEngine.Persistence.OnceKeys;

internal sealed class OnceKeyStore(IDbContextFactory<RulesEngineDbContext> factory, TimeProvider time) : IOnceKeyStore
{
    public Task<bool> TryAddAsync(string tenantId, string scope, string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        ArgumentException.ThrowIfNullOrEmpty(key);
        var row = new OnceKey { TenantId = tenantId, Scope = scope, Key = key, CreatedAt = time.GetUtcNow() };
        return factory.TryInsertAsync(
            row,
            (db, ct) => db.OnceKeys.AnyAsync(x => x.TenantId == tenantId && x.Scope == scope && x.Key == key, ct),
            cancellationToken);
    }

    public async Task<bool> ContainsAsync(string tenantId, string scope, string key, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.OnceKeys.AnyAsync(x => x.TenantId == tenantId && x.Scope == scope && x.Key == key, cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> RemoveAsync(string tenantId, string scope, string? key = null, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var query = db.OnceKeys.Where(x => x.TenantId == tenantId && x.Scope == scope);
        if (key is not null)
        {
            query = query.Where(x => x.Key == key);
        }

        return await query.ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }
}
