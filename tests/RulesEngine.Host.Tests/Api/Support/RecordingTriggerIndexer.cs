using System.Collections.Concurrent;
using RulesEngine.Core.Execution;
using RulesEngine.Host.Features.Runs;

namespace RulesEngine.Host.Tests.Api.Support;

/// <summary>Wraps the real trigger indexer and remembers every reindex the API asked for.</summary>
public sealed class RecordingTriggerIndexer(ITriggerIndexer inner) : ITriggerIndexer
{
    public ConcurrentQueue<(string TenantId, string DefinitionId, WorkflowBlueprint? Published)> Calls { get; } = new();

    public Task ReindexAsync(string tenantId, string definitionId, WorkflowBlueprint? published, CancellationToken cancellationToken)
    {
        Calls.Enqueue((tenantId, definitionId, published));
        return inner.ReindexAsync(tenantId, definitionId, published, cancellationToken);
    }

    public (string TenantId, string DefinitionId, WorkflowBlueprint? Published) Last(string tenantId, string definitionId) =>
        Calls.Last(c => c.TenantId == tenantId && c.DefinitionId == definitionId);
}
