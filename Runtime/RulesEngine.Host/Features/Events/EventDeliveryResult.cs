namespace RulesEngine.Host.Features.Events;

/// <summary>What publishing an event did: the instances it resumed and the instances it started.</summary>
public sealed record EventDeliveryResult(string EventName, string? CorrelationId, IReadOnlyList<string> Resumed, IReadOnlyList<string> Started);
