namespace RulesEngine.Persistence.Inbox;

/// <summary>A received trigger request, stored before it is acknowledged and processed by the worker pool.</summary>
public sealed class WebhookInboxItem
{
    public required string Id { get; set; }

    public required string TenantId { get; set; }

    /// <summary>For example <c>smartrecruiters</c> or <c>http:/orders</c>.</summary>
    public required string Source { get; set; }

    /// <summary>The sender's event id; unique per tenant and source.</summary>
    public required string DedupKey { get; set; }

    public string? HeadersJson { get; set; }

    public string? Body { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public WebhookInboxStatus Status { get; set; }

    public string? InstanceId { get; set; }

    public int Attempts { get; set; }

    public string? Error { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseExpiresAt { get; set; }

    public DateTimeOffset? ProcessedAt { get; set; }
}
