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
        // Created and run here: the run continues from the in-memory state under the lease it was created with.
        var prepared = await executor.PrepareAsync(tenantId, definitionId, request, cancellationToken).ConfigureAwait(false);
        await executor.StoreAsync(prepared, cancellationToken).ConfigureAwait(false);
        var state = await executor.RunCreatedAsync(prepared, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"instance {prepared.InstanceId} is already running");
        return new InstanceOutcome(prepared.InstanceId, state);
    }
}
