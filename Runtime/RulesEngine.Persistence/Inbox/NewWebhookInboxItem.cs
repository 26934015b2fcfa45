namespace RulesEngine.Persistence.Inbox;

/// <summary>
/// A received request to store. <see cref="DedupKey"/> is the sender's event id; for senders without one, the host
/// should derive a key (for example a hash of the body) or use a fresh id to opt out of deduplication.
/// </summary>
/// <param name="ClaimedBy">When set, the item is stored already claimed by this worker for <paramref name="ClaimFor"/>
/// (the receiver processes what it stores, and no polling worker can take it in between).</param>
public sealed record NewWebhookInboxItem(string TenantId, string Source, string DedupKey, string? HeadersJson, string? Body, string? ClaimedBy = null, TimeSpan? ClaimFor = null);
