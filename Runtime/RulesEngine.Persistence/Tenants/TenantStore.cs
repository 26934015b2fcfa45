using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RulesEngine.Persistence.Infrastructure;

namespace RulesEngine.Persistence.Tenants;

internal sealed partial class TenantStore(IDbContextFactory<RulesEngineDbContext> factory, TimeProvider time) : ITenantStore
{
    public async Task<Tenant?> CreateAsync(string id, string name, CancellationToken cancellationToken = default)
    {
        if (!SlugPattern().IsMatch(id ?? string.Empty))
        {
            throw new ArgumentException("A tenant id is 1-64 lower-case letters, digits or '-', starting with a letter or digit.", nameof(id));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var tenant = new Tenant { Id = id!, Name = name, CreatedAt = time.GetUtcNow() };
        var added = await factory.TryInsertAsync(
            tenant,
            (db, ct) => db.Tenants.AnyAsync(t => t.Id == tenant.Id, ct),
            cancellationToken).ConfigureAwait(false);
        return added ? tenant : null;
    }

    public async Task<Tenant?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Tenant>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Tenants.AsNoTracking().OrderBy(t => t.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await db.ApiTokens.Where(x => x.TenantId == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.Connections.Where(x => x.TenantId == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.MappingRows.Where(x => x.TenantId == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.MappingTables.Where(x => x.TenantId == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.WorkflowVersions.Where(x => x.TenantId == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.WorkflowDefinitions.Where(x => x.TenantId == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.WorkflowInstances.Where(x => x.TenantId == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.Bookmarks.Where(x => x.TenantId == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.JournalEntries.Where(x => x.TenantId == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.TriggerIndex.Where(x => x.TenantId == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.WebhookInbox.Where(x => x.TenantId == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.OnceKeys.Where(x => x.TenantId == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.Snapshots.Where(x => x.TenantId == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.AuditEntries.Where(x => x.TenantId == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        var deleted = await db.Tenants.Where(x => x.Id == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return deleted > 0;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
