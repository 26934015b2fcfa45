namespace RulesEngine.Host.Features.Runs;

/// <summary>Creates instances durably, then hands them to the worker pool or runs them inline.</summary>
internal sealed class WorkflowDispatcher(InstanceExecutor executor, RunQueue queue) : IWorkflowDispatcher
{
    public async Task<string> EnqueueAsync(string tenantId, string definitionId, RunRequest request, CancellationToken cancellationToken)
    {
        var instanceId = await executor.CreateAsync(tenantId, definitionId, request, cancellationToken).ConfigureAwait(false);
        queue.Enqueue(new RunTicket(tenantId, instanceId));
        return instanceId;
    }

    public async Task<InstanceOutcome> RunAsync(string tenantId, string definitionId, RunRequest request, CancellationToken cancellationToken)
    {
        var instanceId = await executor.CreateAsync(tenantId, definitionId, request, cancellationToken).ConfigureAwait(false);
        var state = await executor.ContinueAsync(tenantId, instanceId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"instance {instanceId} was taken by another node before it ran");
        return new InstanceOutcome(instanceId, state);
    }
}
