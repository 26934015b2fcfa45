namespace RulesEngine.Host.Features.Workflows;

/// <summary>A row of the workflow list. <see cref="Status"/>: Draft, Published or Retracted.</summary>
public sealed record WorkflowSummary(
    string DefinitionId,
    string Name,
    string? Description,
    int LatestVersion,
    int? PublishedVersion,
    string Status,
    IReadOnlyList<WorkflowTrigger> Triggers,
    WorkflowLastRun? LastRun,
    DateTimeOffset UpdatedAt);
