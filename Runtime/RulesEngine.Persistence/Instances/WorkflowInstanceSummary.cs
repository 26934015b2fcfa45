namespace RulesEngine.Persistence.Instances;

/// <summary>An instance as lists show it: everything but the (large) state.</summary>
public sealed record WorkflowInstanceSummary(
    string Id,
    string DefinitionId,
    int Version,
    WorkflowStatus Status,
    string? SubStatus,
    string? CorrelationId,
    string? Name,
    string? Error,
    string? TriggerKind,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FinishedAt);
