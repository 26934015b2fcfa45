namespace RulesEngine.Core.Execution;

/// <summary>Why an instance faulted, and where, so that it can be retried from the faulted activity.</summary>
public sealed class WorkflowFault
{
    public required string Message { get; init; }

    public string? ActivityId { get; init; }

    public string? ActivityType { get; init; }

    public string? ActivityName { get; init; }

    public string? ContextId { get; init; }

    public string? ExceptionType { get; init; }

    public string? Code { get; init; }
}
