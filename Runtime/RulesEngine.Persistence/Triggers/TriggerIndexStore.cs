using Microsoft.EntityFrameworkCore;
using RulesEngine.Persistence.Infrastructure;

namespace RulesEngine.Persistence.Triggers;

internal sealed class TriggerIndexStore(IDbContextFactory<RulesEngineDbContext> factory) : ITriggerIndexStore
{
    public async Task ReplaceAsync(string tenantId, string definitionId, IReadOnlyCollection<TriggerRegistration> triggers, CancellationToken cancellationToken = default)
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

    public async Task<int> RemoveAsync(string tenantId, string definitionId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.TriggerIndex.Where(t => t.TenantId == tenantId && t.DefinitionId == definitionId)
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<TriggerIndexEntry>> FindAsync(string tenantId, string kind, string key, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.TriggerIndex.AsNoTracking()
            .Where(t => t.TenantId == tenantId && t.Kind == kind && t.Key == key)
            .OrderBy(t => t.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

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
}
