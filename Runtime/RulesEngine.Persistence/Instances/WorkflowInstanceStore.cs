using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RulesEngine.Persistence.Journal;
using RulesEngine.Persistence.Infrastructure;
using RulesEngine.Persistence.Infrastructure.HotPath;

namespace RulesEngine.Persistence.Instances;

internal sealed class WorkflowInstanceStore(IDbContextFactory<RulesEngineDbContext> factory, TimeProvider time, IOptions<DatabaseOptions> options, HotPathWriter writer) : IWorkflowInstanceStore
{
    public async Task<WorkflowInstance> CreateAsync(WorkflowInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentException.ThrowIfNullOrWhiteSpace(instance.TenantId);
        if (string.IsNullOrEmpty(instance.Id))
        {
            instance.Id = Ids.New();
        }

        var now = time.GetUtcNow();
        instance.CreatedAt = now;
        instance.UpdatedAt = now;
        instance.LeaseExpiresAt = instance.LeaseExpiresAt?.ToUniversalTime();
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        db.WorkflowInstances.Add(instance);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        db.Entry(instance).State = EntityState.Detached;
        return instance;
    }

    public async Task<WorkflowInstance?> GetAsync(string tenantId, string instanceId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.WorkflowInstances.AsNoTracking()
            .FirstOrDefaultAsync(i => i.TenantId == tenantId && i.Id == instanceId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> TryAcquireLeaseAsync(string tenantId, string instanceId, string owner, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        var now = time.GetUtcNow();
        var expires = now + duration;
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);

        // A single conditional UPDATE: of two nodes racing for an expired lease, the database lets exactly one match.
        var updated = await db.WorkflowInstances
            .Where(i => i.TenantId == tenantId && i.Id == instanceId)
            .Where(i => i.LeaseOwner == null || i.LeaseOwner == owner || i.LeaseExpiresAt == null || i.LeaseExpiresAt <= now)
            .ExecuteUpdateAsync(
                s => s.SetProperty(i => i.LeaseOwner, owner).SetProperty(i => i.LeaseExpiresAt, expires),
                cancellationToken).ConfigureAwait(false);
        return updated == 1;
    }

    public async Task<bool> ReleaseLeaseAsync(string tenantId, string instanceId, string owner, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var updated = await db.WorkflowInstances
            .Where(i => i.TenantId == tenantId && i.Id == instanceId && i.LeaseOwner == owner)
            .ExecuteUpdateAsync(
                s => s.SetProperty(i => i.LeaseOwner, (string?)null).SetProperty(i => i.LeaseExpiresAt, (DateTimeOffset?)null),
                cancellationToken).ConfigureAwait(false);
        return updated == 1;
    }

    public async Task<bool> UpdateAsync(string tenantId, string instanceId, string leaseOwner, WorkflowInstanceUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        var now = time.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.WorkflowInstances
            .FirstOrDefaultAsync(
                i => i.TenantId == tenantId && i.Id == instanceId && i.LeaseOwner == leaseOwner && i.LeaseExpiresAt > now,
                cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return false;
        }

        // The read above and this conditional UPDATE together: the WHERE re-checks the lease at write time.
        var leaseExpires = update.ExtendLeaseBy is { } extend ? now + extend : row.LeaseExpiresAt;
        var updated = await db.WorkflowInstances
            .Where(i => i.TenantId == tenantId && i.Id == instanceId && i.LeaseOwner == leaseOwner && i.LeaseExpiresAt > now)
            .ExecuteUpdateAsync(
                s => s.SetProperty(i => i.Status, update.Status)
                    .SetProperty(i => i.SubStatus, update.SubStatus)
                    .SetProperty(i => i.StateJson, update.StateJson ?? row.StateJson)
                    .SetProperty(i => i.Error, update.Error)
                    .SetProperty(i => i.CorrelationId, update.CorrelationId ?? row.CorrelationId)
                    .SetProperty(i => i.UpdatedAt, now)
                    .SetProperty(i => i.FinishedAt, update.IsTerminal ? now : null)
                    .SetProperty(i => i.LeaseExpiresAt, leaseExpires),
                cancellationToken).ConfigureAwait(false);
        return updated == 1;
    }

    public async Task<bool> SaveProgressAsync(string tenantId, string instanceId, string leaseOwner, InstanceProgress progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var update = progress.Update;
        var now = time.GetUtcNow();
        var max = options.Value.JournalMaxPayloadChars;
        var journal = progress.Journal.Select(entry => JournalStore.Prepare(entry, tenantId, max)).ToList();
        var bookmarks = progress.ReplaceBookmarks ? progress.Bookmarks.ToList() : [];
        foreach (var bookmark in bookmarks)
        {
            bookmark.CreatedAt = now;
            bookmark.ResumeAt = bookmark.ResumeAt?.ToUniversalTime();
        }

        return await writer.WriteAsync(
            new ProgressWrite
            {
                TenantId = tenantId,
                InstanceId = instanceId,
                LeaseOwner = leaseOwner,
                Now = now,
                Update = update,
                ReleaseLease = progress.ReleaseLease,
                ReplaceBookmarks = progress.ReplaceBookmarks,
                Bookmarks = bookmarks,
                Journal = journal,
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<InstancePage> ListAsync(string tenantId, InstanceQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var pageSize = Math.Clamp(query.PageSize, 1, InstanceQuery.MaxPageSize);
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);

        var filtered = db.WorkflowInstances.AsNoTracking().Where(i => i.TenantId == tenantId);
        if (query.DefinitionId is not null)
        {
            filtered = filtered.Where(i => i.DefinitionId == query.DefinitionId);
        }

        if (query.Status is { } status)
        {
            filtered = filtered.Where(i => i.Status == status);
        }

        if (query.CorrelationId is not null)
        {
            filtered = filtered.Where(i => i.CorrelationId == query.CorrelationId);
        }

        if (query.From is { } from)
        {
            var fromUtc = from.ToUniversalTime();
            filtered = filtered.Where(i => i.CreatedAt >= fromUtc);
        }

        if (query.To is { } to)
        {
            var toUtc = to.ToUniversalTime();
            filtered = filtered.Where(i => i.CreatedAt < toUtc);
        }

        var total = query.IncludeTotalCount ? await filtered.CountAsync(cancellationToken).ConfigureAwait(false) : (int?)null;

        var page = filtered;
        if (DecodeCursor(query.Cursor) is var (createdAt, id))
        {
            page = page.Where(i => i.CreatedAt < createdAt || (i.CreatedAt == createdAt && string.Compare(i.Id, id) < 0));
        }

        var items = await page
            .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Take(pageSize + 1)
            .Select(i => new WorkflowInstanceSummary(
                i.Id, i.DefinitionId, i.Version, i.Status, i.SubStatus, i.CorrelationId, i.Name, i.Error, i.TriggerKind,
                i.CreatedAt, i.UpdatedAt, i.FinishedAt))
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        string? next = null;
        if (items.Count > pageSize)
        {
            items.RemoveAt(items.Count - 1);
            next = EncodeCursor(items[^1].CreatedAt, items[^1].Id);
        }

        return new InstancePage(items, next, total);
    }

    public async Task<IReadOnlyDictionary<string, WorkflowInstanceSummary>> LatestByDefinitionAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var newest = await db.WorkflowInstances.AsNoTracking()
            .Where(i => i.TenantId == tenantId)
            .GroupBy(i => i.DefinitionId)
            .Select(g => new { DefinitionId = g.Key, CreatedAt = g.Max(i => i.CreatedAt) })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (newest.Count == 0)
        {
            return new Dictionary<string, WorkflowInstanceSummary>();
        }

        var times = newest.Select(n => n.CreatedAt).Distinct().ToList();
        var wanted = newest.ToDictionary(n => n.DefinitionId, n => n.CreatedAt, StringComparer.Ordinal);
        var rows = await db.WorkflowInstances.AsNoTracking()
            .Where(i => i.TenantId == tenantId && times.Contains(i.CreatedAt))
            .Select(i => new WorkflowInstanceSummary(
                i.Id, i.DefinitionId, i.Version, i.Status, i.SubStatus, i.CorrelationId, i.Name, i.Error, i.TriggerKind,
                i.CreatedAt, i.UpdatedAt, i.FinishedAt))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows
            .Where(r => wanted.TryGetValue(r.DefinitionId, out var at) && at == r.CreatedAt)
            .GroupBy(r => r.DefinitionId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.Id, StringComparer.Ordinal).First(), StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<InstanceRef>> ListRecoverableAsync(int max, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.WorkflowInstances.AsNoTracking()
            .Where(i => i.Status == WorkflowStatus.Running && (i.LeaseExpiresAt == null || i.LeaseExpiresAt <= now))
            .OrderBy(i => i.LeaseExpiresAt)
            .Take(max)
            .Select(i => new InstanceRef(i.TenantId, i.Id))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> DeleteAsync(string tenantId, string instanceId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await db.Bookmarks.Where(b => b.TenantId == tenantId && b.InstanceId == instanceId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.JournalEntries.Where(j => j.TenantId == tenantId && j.InstanceId == instanceId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        var deleted = await db.WorkflowInstances.Where(i => i.TenantId == tenantId && i.Id == instanceId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return deleted > 0;
    }

    private static string EncodeCursor(DateTimeOffset createdAt, string id)
        => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{createdAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}|{id}"));

    private static (DateTimeOffset CreatedAt, string Id)? DecodeCursor(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            var bar = text.IndexOf('|', StringComparison.Ordinal);
            if (bar > 0 && long.TryParse(text.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
            {
                return (new DateTimeOffset(ticks, TimeSpan.Zero), text[(bar + 1)..]);
            }
        }
        catch (FormatException)
        {
            // Fall through to the argument error below.
        }

        throw new ArgumentException("The paging cursor is not valid.", nameof(cursor));
    }
}
