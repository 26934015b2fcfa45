namespace RulesEngine.Host.Features.Workflows;

/// <summary>The newest instance of a workflow.</summary>
public sealed record WorkflowLastRun(string InstanceId, string Status, DateTimeOffset? FinishedAt);
