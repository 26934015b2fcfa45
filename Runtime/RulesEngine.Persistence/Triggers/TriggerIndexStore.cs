using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RulesEngine.Persistence.Infrastructure;

namespace RulesEngine.Persistence.Triggers;

internal sealed class TriggerIndexStore(IDbContextFactory<RulesEngineDbContext> factory, TimeProvider time, IOptions<DatabaseOptions> options) : ITriggerIndexStore
{
    // Every webhook request looks its route up: found routes are cached briefly (see DatabaseOptions.ReadCacheTimeToLive).
    private readonly ReadCache<IReadOnlyList<TriggerIndexEntry>> _found = new(time, options.Value.ReadCacheTimeToLive);

    public async Task ReplaceAsync(string tenantId, string definitionId, IReadOnlyCollection<TriggerRegistration> triggers, CancellationToken cancellationToken = default)
        => await InvalidatingAsync(tenantId, async () =>
        {
            await ReplaceCoreAsync(tenantId, definitionId, triggers, cancellationToken).ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);

    private async Task ReplaceCoreAsync(string tenantId, string definitionId, IReadOnlyCollection<TriggerRegistration> triggers, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(definitionId);
        ArgumentNullException.ThrowIfNull(triggers);
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await db.TriggerIndex.Where(t => t.TenantId == tenantId && t.DefinitionId == definitionId)
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        foreach (var trigger in triggers)
        {
            db.TriggerIndex.Add(new TriggerIndexEntry
            {
                TenantId = tenantId,
                DefinitionId = definitionId,
                Version = trigger.Version,
                ActivityId = trigger.ActivityId,
                Kind = trigger.Kind,
                Key = trigger.Key,
                SettingsJson = trigger.SettingsJson,
            });
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<int> RemoveAsync(string tenantId, string definitionId, CancellationToken cancellationToken = default)
        => InvalidatingAsync(tenantId, () => RemoveCoreAsync(tenantId, definitionId, cancellationToken));

    private async Task<int> RemoveCoreAsync(string tenantId, string definitionId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.TriggerIndex.Where(t => t.TenantId == tenantId && t.DefinitionId == definitionId)
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<TriggerIndexEntry>> FindAsync(string tenantId, string kind, string key, CancellationToken cancellationToken = default)
        => await _found.GetOrLoadAsync(tenantId, kind + "\n" + key, async ct =>
        {
            await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
            var found = await db.TriggerIndex.AsNoTracking()
                .Where(t => t.TenantId == tenantId && t.Kind == kind && t.Key == key)
                .OrderBy(t => t.Id)
                .ToListAsync(ct).ConfigureAwait(false);
            return found.Count == 0 ? null : (IReadOnlyList<TriggerIndexEntry>)found;
        }, cancellationToken).ConfigureAwait(false) ?? [];

    public async Task<IReadOnlyList<TriggerIndexEntry>> ListAsync(string tenantId, string? definitionId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var query = db.TriggerIndex.AsNoTracking().Where(t => t.TenantId == tenantId);
        if (definitionId is not null)
        {
            query = query.Where(t => t.DefinitionId == definitionId);
        }

        return await query.OrderBy(t => t.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<TriggerIndexEntry>> ListByKindAsync(string kind, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.TriggerIndex.AsNoTracking()
            .Where(t => t.Kind == kind)
            .OrderBy(t => t.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> InvalidatingAsync<T>(string tenantId, Func<Task<T>> write)
    {
        try
        {
            return await write().ConfigureAwait(false);
        }
        finally
        {
            // After the write (committed or not): a read that raced with it must not stay cached.
            _found.Invalidate(tenantId);
        }
    }
}
