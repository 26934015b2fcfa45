using System.Collections.Concurrent;
using RulesEngine.Host.Features.Runs;
using RulesEngine.Persistence.Workflows;

namespace RulesEngine.Host.Tests.Api.Support;

/// <summary>
/// Stands in for the runtime's dispatcher (another feature): accepts runs of published workflows and remembers them,
/// refuses the rest as the real one does.
/// </summary>
public sealed class QueueingWorkflowDispatcher(IWorkflowDefinitionStore store) : IWorkflowDispatcher
{
    public ConcurrentQueue<(string TenantId, string DefinitionId, string InstanceId, RunRequest Request)> Queued { get; } = new();

    public async Task<string> EnqueueAsync(string tenantId, string definitionId, RunRequest request, CancellationToken cancellationToken)
    {
        if (await store.GetPublishedVersionAsync(tenantId, definitionId, cancellationToken) is null)
        {
            throw new WorkflowNotRunnableException($"workflow '{definitionId}' has no published version");
        }

        var id = Guid.NewGuid().ToString("N");
        Queued.Enqueue((tenantId, definitionId, id, request));
        return id;
    }

    public Task<InstanceOutcome> RunAsync(string tenantId, string definitionId, RunRequest request, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the management API only queues runs");
}
