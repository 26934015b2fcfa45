namespace RulesEngine.Host.Features.Workflows;

/// <summary>A trigger of a workflow: the activity, its type and a one-line summary (cron expression, webhook path, …).</summary>
public sealed record WorkflowTrigger(string ActivityId, string Type, string? Summary);
