namespace RulesEngine.Persistence.Instances;

/// <summary>
/// The state an executing node writes back. FinishedAt is set when <see cref="Status"/> is terminal
/// (Finished, Faulted, Cancelled); <see cref="ExtendLeaseBy"/> renews the writer's lease in the same statement.
/// </summary>
public sealed record WorkflowInstanceUpdate
{
    public required WorkflowStatus Status { get; init; }

    public string? SubStatus { get; init; }

    public string? StateJson { get; init; }

    public string? Error { get; init; }

    public string? CorrelationId { get; init; }

    public TimeSpan? ExtendLeaseBy { get; init; }

    /// <summary>The run ended here (Finished, Faulted or Cancelled): the stores stamp <c>FinishedAt</c>.</summary>
    public bool IsTerminal => Status is WorkflowStatus.Finished or WorkflowStatus.Faulted or WorkflowStatus.Cancelled;
}
