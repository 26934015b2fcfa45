namespace RulesEngine.Persistence.Instances;

/// <summary>One page of instances; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record InstancePage(IReadOnlyList<WorkflowInstanceSummary> Items, string? NextCursor, int? TotalCount);
