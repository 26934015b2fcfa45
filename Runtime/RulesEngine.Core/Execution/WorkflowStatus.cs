namespace RulesEngine.Core.Execution;

/// <summary>Where a workflow instance stands.</summary>
public enum WorkflowStatus
{
    Running,
    Suspended,
    Finished,
    Faulted,
    Cancelled,
}
