namespace RulesEngine.Persistence.Instances;

public enum WorkflowStatus
{
    Running,
    Suspended,
    Finished,
    Faulted,
    Cancelled,
}
