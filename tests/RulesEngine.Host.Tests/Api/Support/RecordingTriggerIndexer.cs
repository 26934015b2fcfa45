using System.Collections.Concurrent;
using RulesEngine.Core.Execution;
using RulesEngine.Host.Features.Runs;

namespace RulesEngine.Host.Tests.Api.Support;

/// <summary>Stands in for the scheduler's trigger indexer (another feature) and remembers every reindex.</summary>
public sealed class RecordingTriggerIndexer : ITriggerIndexer
{
    public ConcurrentQueue<(string TenantId, string DefinitionId, WorkflowBlueprint? Published)> Calls { get; } = new();

    public Task ReindexAsync(string tenantId, string definitionId, WorkflowBlueprint? published, CancellationToken cancellationToken)
    {
        Calls.Enqueue((tenantId, definitionId, published));
        return Task.CompletedTask;
    }

    public (string TenantId, string DefinitionId, WorkflowBlueprint? Published) Last(string tenantId, string definitionId) =>
        Calls.Last(c => c.TenantId == tenantId && c.DefinitionId == definitionId);
}
