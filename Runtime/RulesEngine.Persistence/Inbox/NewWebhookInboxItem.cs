namespace RulesEngine.Persistence.Inbox;

/// <summary>
/// A received request to store. <see cref="DedupKey"/> is the sender's event id; for senders without one, the host
/// should derive a key (for example a hash of the body) or use a fresh id to opt out of deduplication.
/// </summary>
public sealed record NewWebhookInboxItem(string TenantId, string Source, string DedupKey, string? HeadersJson, string? Body);
