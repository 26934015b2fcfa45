namespace RulesEngine.Host.Features.Events;

/// <summary>
/// What publishing an event did: the instances it resumed, the instances it started, and the instances that wait for
/// it but were busy in another run throughout (publish again to resume those).
/// </summary>
public sealed record EventDeliveryResult(string EventName, string? CorrelationId, IReadOnlyList<string> Resumed, IReadOnlyList<string> Started, IReadOnlyList<string> Busy);
