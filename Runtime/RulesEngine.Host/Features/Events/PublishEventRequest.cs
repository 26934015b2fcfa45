using System.Text.Json.Nodes;

namespace RulesEngine.Host.Features.Events;

/// <summary>Body of <c>POST /api/tenants/{tenantId}/events/{eventName}</c>; both members are optional.</summary>
public sealed record PublishEventRequest
{
    /// <summary>Only instances with this correlation id are resumed; null: every waiting instance.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>What the Event activities output.</summary>
    public JsonNode? Payload { get; init; }
}
