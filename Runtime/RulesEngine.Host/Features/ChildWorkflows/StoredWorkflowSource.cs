using RulesEngine.Core.Composition;
using RulesEngine.Core.Execution;
using RulesEngine.Host.Features.Runs;
using RulesEngine.Persistence.Workflows;

namespace RulesEngine.Host.Features.ChildWorkflows;

/// <summary>Child workflows from the tenant's workflow store: the published version, or the version asked for.</summary>
internal sealed class StoredWorkflowSource(IWorkflowDefinitionStore definitions, BlueprintCache blueprints) : IWorkflowDefinitionSource
{
    public async ValueTask<WorkflowBlueprint?> FindAsync(string tenantId, string definitionId, int? version, CancellationToken cancellationToken)
    {
        var stored = version is { } v
            ? await definitions.GetVersionAsync(tenantId, definitionId, v, cancellationToken).ConfigureAwait(false)
            : await definitions.GetPublishedVersionAsync(tenantId, definitionId, cancellationToken).ConfigureAwait(false);
        return stored is null ? null : blueprints.Get(tenantId, stored);
    }
}
