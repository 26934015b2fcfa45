using Microsoft.EntityFrameworkCore;
using RulesEngine.Persistence.Infrastructure;

namespace RulesEngine.Persistence.Snapshots;

internal sealed class SnapshotStore(IDbContextFactory<RulesEngineDbContext> factory, TimeProvider time) : ISnapshotStore
{
    public async Task<string?> GetAsync(string tenantId, string scope, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Snapshots.AsNoTracking()
            .Where(x => x.TenantId == tenantId && x.Scope == scope)
            .Select(x => x.Json)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task SetAsync(string tenantId, string scope, string json, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        ArgumentNullException.ThrowIfNull(json);

        // Update first (the common case); insert when there was nothing; if a concurrent insert won, update theirs.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var now = time.GetUtcNow();
            await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var updated = await db.Snapshots.Where(x => x.TenantId == tenantId && x.Scope == scope)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Json, json).SetProperty(x => x.UpdatedAt, now), cancellationToken).ConfigureAwait(false);
            if (updated > 0)
            {
                return;
            }

            var row = new Snapshot { TenantId = tenantId, Scope = scope, Json = json, UpdatedAt = now };
            if (await factory.TryInsertAsync(row, (d, ct) => d.Snapshots.AnyAsync(x => x.TenantId == tenantId && x.Scope == scope, ct), cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }

        throw new InvalidOperationException($"Could not write snapshot '{scope}' of tenant '{tenantId}'.");
    }

    public async Task<bool> DeleteAsync(string tenantId, string scope, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Snapshots.Where(x => x.TenantId == tenantId && x.Scope == scope).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false) > 0;
    }
}
