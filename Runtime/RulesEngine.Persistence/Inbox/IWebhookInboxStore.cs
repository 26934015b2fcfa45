namespace RulesEngine.Persistence.Inbox;

/// <summary>
/// The durable inbox of trigger requests: stored before they are acknowledged, deduplicated by (tenant, source,
/// dedup key) through a unique index, then claimed by workers with a lease.
/// </summary>
public interface IWebhookInboxStore
{
    /// <summary>Stores the item unless one with the same key exists. Race-safe: of concurrent callers with one key, exactly one sees IsNew.</summary>
    Task<InboxAddResult> TryAddAsync(NewWebhookInboxItem item, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores the item, already done, together with the instance it starts, in one transaction (the receiver creates the
    /// run itself). A duplicate stores neither and returns the item stored first, with its instance id.
    /// </summary>
    Task<InboxAddResult> TryAddStartedAsync(NewWebhookInboxItem item, Instances.WorkflowInstance instance, CancellationToken cancellationToken = default);

    Task<WebhookInboxItem?> GetAsync(string tenantId, string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Platform-wide: claims the oldest pending item (or a processing one whose lease expired) for <paramref name="owner"/>,
    /// counting the attempt. Null when there is nothing to do. Each item is claimed by one worker at a time.
    /// </summary>
    Task<WebhookInboxItem?> TryLeaseNextAsync(string owner, TimeSpan leaseDuration, CancellationToken cancellationToken = default);

    /// <summary>Claims one pending item (the receiver processes what it just stored); false when another worker has it already.</summary>
    Task<bool> TryLeaseAsync(string tenantId, string id, string owner, TimeSpan leaseDuration, CancellationToken cancellationToken = default);

    /// <summary>Marks a claimed item done, with the instance it started (if any).</summary>
    Task<bool> CompleteAsync(string tenantId, string id, string owner, string? instanceId, CancellationToken cancellationToken = default);

    /// <summary>Records a failure; <paramref name="retry"/> puts the item back to pending, otherwise it is failed for good.</summary>
    Task<bool> FailAsync(string tenantId, string id, string owner, string error, bool retry, CancellationToken cancellationToken = default);

    /// <summary>Platform-wide: deletes done and failed items received before <paramref name="before"/>. Their dedup keys are forgotten.</summary>
    Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken = default);
}
