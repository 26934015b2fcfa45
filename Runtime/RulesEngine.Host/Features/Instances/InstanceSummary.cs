using RulesEngine.Persistence.Instances;

namespace RulesEngine.Host.Features.Instances;

/// <summary>An instance in lists.</summary>
public sealed record InstanceSummary(
    string Id, string DefinitionId, int Version, string? Name, string Status, string? CorrelationId, string? TriggerKind,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? FinishedAt, string? Error)
{
    public static InstanceSummary From(WorkflowInstanceSummary s) =>
        new(s.Id, s.DefinitionId, s.Version, s.Name, s.Status.ToString(), s.CorrelationId, s.TriggerKind, s.CreatedAt, s.UpdatedAt, s.FinishedAt, s.Error);

    public static InstanceSummary From(WorkflowInstance i) =>
        new(i.Id, i.DefinitionId, i.Version, i.Name, i.Status.ToString(), i.CorrelationId, i.TriggerKind, i.CreatedAt, i.UpdatedAt, i.FinishedAt, i.Error);
}
