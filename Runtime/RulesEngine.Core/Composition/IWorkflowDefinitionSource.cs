using RulesEngine.Core.Execution;

namespace RulesEngine.Core.Composition;

/// <summary>
/// Where child workflows come from (<c>Elsa.ExecuteWorkflow</c>, workflows used as activities): resolves a definition id,
/// and optionally a version, to a loaded blueprint of the current tenant. The host reads its workflow store; the CLI
/// reads the workflow files beside the one it runs.
/// </summary>
public interface IWorkflowDefinitionSource
{
    /// <summary>
    /// The blueprint of <paramref name="definitionId"/> in the tenant: version <paramref name="version"/> when given,
    /// else the published version. Null when there is no such workflow or version.
    /// </summary>
    ValueTask<WorkflowBlueprint?> FindAsync(string tenantId, string definitionId, int? version, CancellationToken cancellationToken);
}
