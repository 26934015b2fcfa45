using RulesEngine.Core.Composition;
using RulesEngine.Host.Features.Runs;

namespace RulesEngine.Host.Features.ChildWorkflows;

/// <summary>ExecuteWorkflow without waiting: the child becomes a durable instance of its own, queued like any run.</summary>
internal sealed class QueuedWorkflowStarter(IServiceProvider services) : IWorkflowStarter
{
    // Resolved on use: the dispatcher depends on the runner, which builds activities that depend on this starter.
    public async ValueTask<string> StartAsync(string tenantId, string definitionId, IReadOnlyDictionary<string, object?> input, string? correlationId, CancellationToken cancellationToken)
    {
        var dispatcher = services.GetRequiredService<IWorkflowDispatcher>();
        return await dispatcher.EnqueueAsync(tenantId, definitionId, new RunRequest
        {
            Input = input,
            CorrelationId = correlationId,
            TriggerKind = "workflow",
        }, cancellationToken).ConfigureAwait(false);
    }
}
