using Microsoft.EntityFrameworkCore;
using RulesEngine.Persistence.Infrastructure;

namespace RulesEngine.Persistence.Audit;

internal sealed class AuditStore(IDbContextFactory<RulesEngineDbContext> factory, TimeProvider time) : IAuditStore
{
    public async Task AppendAsync(string tenantId, string actor, string action, string? target, string? detailsJson = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        db.AuditEntries.Add(new AuditEntry
        {
            TenantId = tenantId,
            Actor = actor,
            Action = action,
            Target = target,
            DetailsJson = detailsJson,
            At = time.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(string tenantId, int max = 100, DateTimeOffset? before = null, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var query = db.AuditEntries.AsNoTracking().Where(a => a.TenantId == tenantId);
        if (before is { } b)
        {
            var beforeUtc = b.ToUniversalTime();
            query = query.Where(a => a.At < beforeUtc);
        }

        return await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Take(Math.Clamp(max, 1, 1000))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }
}
