namespace RulesEngine.Host.Features.Runs;

/// <summary>Starts runs of published workflows: queued (answer at once) or inline (wait for the outcome).</summary>
public interface IWorkflowDispatcher
{
    /// <summary>Creates the instance durably and queues it; returns its id. Throws <see cref="WorkflowNotRunnableException"/>.</summary>
    Task<string> EnqueueAsync(string tenantId, string definitionId, RunRequest request, CancellationToken cancellationToken);

    /// <summary>Creates the instance and runs it now on the caller's task, until it finishes, suspends or faults.</summary>
    Task<InstanceOutcome> RunAsync(string tenantId, string definitionId, RunRequest request, CancellationToken cancellationToken);
}
