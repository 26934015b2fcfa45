namespace RulesEngine.Core.Composition;

/// <summary>
/// Starts a workflow as an instance of its own, for <c>Elsa.ExecuteWorkflow</c> without <c>waitForCompletion</c>: the
/// parent goes on at once. The host queues a durable instance of the published version. Without a starter the child
/// runs in-process to its first stop and its result is dropped.
/// </summary>
public interface IWorkflowStarter
{
    /// <summary>Starts the published version of the workflow; returns the new instance id.</summary>
    ValueTask<string> StartAsync(string tenantId, string definitionId, IReadOnlyDictionary<string, object?> input, string? correlationId, CancellationToken cancellationToken);
}
