namespace RulesEngine.Host.Features.Runs;

/// <summary>The workflow does not exist, has no published version, or its published version has errors.</summary>
public sealed class WorkflowNotRunnableException(string message) : Exception(message);
