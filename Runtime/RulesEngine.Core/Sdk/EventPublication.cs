using System.Text.Json.Nodes;

namespace RulesEngine.Core.Sdk;

/// <summary>An event published by a workflow: its name, the correlation id it targets (null: every instance) and payload.</summary>
public sealed record EventPublication(string EventName, string? CorrelationId, JsonNode? Payload)
{
    /// <summary>The tenant of the publishing run (events never cross tenants).</summary>
    public string TenantId { get; init; } = string.Empty;

    /// <summary>The instance that published it.</summary>
    public string? SourceInstanceId { get; init; }

    /// <summary>True when only the publishing instance itself may receive it (Elsa's "local" events).</summary>
    public bool IsLocal { get; init; }
}
