using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using RulesEngine.Persistence.Infrastructure;
using RulesEngine.Persistence.Infrastructure.HotPath;
using RulesEngine.Persistence.Instances;

namespace RulesEngine.Persistence.Inbox;

internal sealed class WebhookInboxStore(IDbContextFactory<RulesEngineDbContext> factory, TimeProvider time, HotPathWriter writer) : IWebhookInboxStore
{
    private const int ClaimCandidates = 8;

    public async Task<InboxAddResult> TryAddAsync(NewWebhookInboxItem item, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var row = NewRow(item, now);
        row.Status = item.ClaimedBy is null ? WebhookInboxStatus.Pending : WebhookInboxStatus.Processing;
        row.LeaseOwner = item.ClaimedBy;
        row.LeaseExpiresAt = item.ClaimedBy is null ? null : now + (item.ClaimFor ?? TimeSpan.FromSeconds(30));
        row.Attempts = item.ClaimedBy is null ? 0 : 1;

        var added = await factory.TryInsertAsync(
            row,
            (db, ct) => db.WebhookInbox.AnyAsync(x => x.TenantId == item.TenantId && x.Source == item.Source && x.DedupKey == item.DedupKey, ct),
            cancellationToken).ConfigureAwait(false);
        if (added)
        {
            return new InboxAddResult(true, row);
        }

        var existing = await FindByDedupKeyAsync(item, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"inbox item '{item.DedupKey}' was refused as a duplicate but cannot be read");
        return new InboxAddResult(false, existing);
    }

    public async Task<InboxAddResult> TryAddStartedAsync(NewWebhookInboxItem item, WorkflowInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var now = time.GetUtcNow();
        var row = NewRow(item, now);
        row.ProcessedAt = now;
        row.Status = WebhookInboxStatus.Done;
        row.InstanceId = instance.Id;
        row.Attempts = 1;
        instance.CreatedAt = now;
        instance.UpdatedAt = now;
        instance.LeaseExpiresAt = instance.LeaseExpiresAt?.ToUniversalTime();
        try
        {
            // One transaction: both rows or neither (the unique dedup index rejects a duplicate).
            if (await writer.WriteAsync(new StartRunWrite(row, instance), cancellationToken).ConfigureAwait(false))
            {
                return new InboxAddResult(true, row);
            }
        }
        catch (DbException)
        {
            if (await FindByDedupKeyAsync(item, cancellationToken).ConfigureAwait(false) is { } winner)
            {
                return new InboxAddResult(false, winner);
            }

            throw;
        }

        // Skipped as a duplicate: the row it collided with was committed before this write was answered.
        var existing = await FindByDedupKeyAsync(item, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"inbox item '{item.DedupKey}' was refused as a duplicate but cannot be read");
        return new InboxAddResult(false, existing);
    }

    /// <summary>A new row for the item (both ways of adding validate it the same way); the caller sets its status.</summary>
    private static WebhookInboxItem NewRow(NewWebhookInboxItem item, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentException.ThrowIfNullOrWhiteSpace(item.TenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(item.Source);
        ArgumentException.ThrowIfNullOrWhiteSpace(item.DedupKey);
        return new WebhookInboxItem
        {
            Id = Ids.New(),
            TenantId = item.TenantId,
            Source = item.Source,
            DedupKey = item.DedupKey,
            HeadersJson = item.HeadersJson,
            Body = item.Body,
            ReceivedAt = now,
        };
    }

    /// <summary>The row a duplicate delivery collided with.</summary>
    private async Task<WebhookInboxItem?> FindByDedupKeyAsync(NewWebhookInboxItem item, CancellationToken cancellationToken)
    {
        await using var read = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await read.WebhookInbox.AsNoTracking()
            .FirstOrDefaultAsync(x => x.TenantId == item.TenantId && x.Source == item.Source && x.DedupKey == item.DedupKey, cancellationToken).ConfigureAwait(false);
    }

    public async Task<WebhookInboxItem?> GetAsync(string tenantId, string id, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.WebhookInbox.AsNoTracking().FirstOrDefaultAsync(x => x.TenantId == tenantId && x.Id == id, cancellationToken).ConfigureAwait(false);
    }

    public async Task<WebhookInboxItem?> TryLeaseNextAsync(string owner, TimeSpan leaseDuration, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        var now = time.GetUtcNow();
        var expires = now + leaseDuration;
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var candidates = await db.WebhookInbox.AsNoTracking()
            .Where(x => x.Status == WebhookInboxStatus.Pending
                || (x.Status == WebhookInboxStatus.Processing && x.LeaseExpiresAt <= now))
            .OrderBy(x => x.ReceivedAt)
            .Select(x => new { x.Id, x.Status, x.LeaseOwner, x.Attempts })
            .Take(ClaimCandidates)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        foreach (var candidate in candidates)
        {
            // Compare-and-set on what we read: another worker that claimed it first changed Attempts, so we match nothing.
            var claimed = await db.WebhookInbox
                .Where(x => x.Id == candidate.Id && x.Status == candidate.Status && x.Attempts == candidate.Attempts)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(x => x.Status, WebhookInboxStatus.Processing)
                        .SetProperty(x => x.LeaseOwner, owner)
                        .SetProperty(x => x.LeaseExpiresAt, expires)
                        .SetProperty(x => x.Attempts, candidate.Attempts + 1),
                    cancellationToken).ConfigureAwait(false);
            if (claimed == 1)
            {
                return await db.WebhookInbox.AsNoTracking().FirstAsync(x => x.Id == candidate.Id, cancellationToken).ConfigureAwait(false);
            }
        }

        return null;
    }

    public async Task<bool> TryLeaseAsync(string tenantId, string id, string owner, TimeSpan leaseDuration, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        var expires = time.GetUtcNow() + leaseDuration;
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.WebhookInbox
            .Where(x => x.TenantId == tenantId && x.Id == id && x.Status == WebhookInboxStatus.Pending)
            .ExecuteUpdateAsync(
                s => s.SetProperty(x => x.Status, WebhookInboxStatus.Processing)
                    .SetProperty(x => x.LeaseOwner, owner)
                    .SetProperty(x => x.LeaseExpiresAt, expires)
                    .SetProperty(x => x.Attempts, x => x.Attempts + 1),
                cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<bool> CompleteAsync(string tenantId, string id, string owner, string? instanceId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.WebhookInbox
            .Where(x => x.TenantId == tenantId && x.Id == id && x.LeaseOwner == owner && x.Status == WebhookInboxStatus.Processing)
            .ExecuteUpdateAsync(
                s => s.SetProperty(x => x.Status, WebhookInboxStatus.Done)
                    .SetProperty(x => x.InstanceId, instanceId)
                    .SetProperty(x => x.ProcessedAt, now)
                    .SetProperty(x => x.Error, (string?)null)
                    .SetProperty(x => x.LeaseOwner, (string?)null)
                    .SetProperty(x => x.LeaseExpiresAt, (DateTimeOffset?)null),
                cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<bool> FailAsync(string tenantId, string id, string owner, string error, bool retry, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var status = retry ? WebhookInboxStatus.Pending : WebhookInboxStatus.Failed;
        DateTimeOffset? processedAt = retry ? null : now;
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.WebhookInbox
            .Where(x => x.TenantId == tenantId && x.Id == id && x.LeaseOwner == owner && x.Status == WebhookInboxStatus.Processing)
            .ExecuteUpdateAsync(
                s => s.SetProperty(x => x.Status, status)
                    .SetProperty(x => x.Error, error)
                    .SetProperty(x => x.ProcessedAt, processedAt)
                    .SetProperty(x => x.LeaseOwner, (string?)null)
                    .SetProperty(x => x.LeaseExpiresAt, (DateTimeOffset?)null),
                cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        var beforeUtc = before.ToUniversalTime();
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.WebhookInbox
            .Where(x => (x.Status == WebhookInboxStatus.Done || x.Status == WebhookInboxStatus.Failed) && x.ReceivedAt < beforeUtc)
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }
}
