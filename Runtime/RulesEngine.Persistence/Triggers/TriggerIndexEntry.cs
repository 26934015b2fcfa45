namespace RulesEngine.Persistence.Triggers;

/// <summary>A trigger of a published workflow version, indexed so that schedulers and webhooks find it without loading workflows.</summary>
public sealed class TriggerIndexEntry
{
    public long Id { get; set; }

    public required string TenantId { get; set; }

    public required string DefinitionId { get; set; }

    public int Version { get; set; }

    public required string ActivityId { get; set; }

    /// <summary>See <see cref="TriggerKinds"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>What the trigger is found by: <c>POST /orders</c> for HTTP, the cron expression, the event name.</summary>
    public required string Key { get; set; }

    public string? SettingsJson { get; set; }
}
