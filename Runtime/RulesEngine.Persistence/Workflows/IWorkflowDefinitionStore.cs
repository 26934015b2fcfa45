namespace RulesEngine.Persistence.Workflows;

/// <summary>
/// Workflow definitions and their versions. Exactly one version is latest; at most one is published.
/// Publishing, retracting and rolling back are atomic.
/// </summary>
public interface IWorkflowDefinitionStore
{
    /// <summary>Creates the definition with draft version 1. Returns null when the definition id is taken.</summary>
    Task<WorkflowVersion?> CreateAsync(string tenantId, NewWorkflowDefinition definition, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves the designer's JSON. When the latest version is a draft it is overwritten; when it is published a new
    /// draft version (latest + 1) is created. A stale <see cref="WorkflowDraft.ExpectedConcurrencyStamp"/> yields
    /// <see cref="SaveDraftStatus.Conflict"/> and writes nothing.
    /// </summary>
    Task<SaveDraftResult> SaveDraftAsync(string tenantId, string definitionId, WorkflowDraft draft, CancellationToken cancellationToken = default);

    /// <summary>
    /// Publishes <paramref name="version"/> (null: the latest) and unpublishes the previously published version.
    /// Returns null when the definition or version does not exist.
    /// </summary>
    Task<WorkflowVersion?> PublishAsync(string tenantId, string definitionId, int? version = null, CancellationToken cancellationToken = default);

    /// <summary>Unpublishes the published version; returns false when nothing was published.</summary>
    Task<bool> RetractAsync(string tenantId, string definitionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Copies <paramref name="version"/>'s JSON into a new version (latest + 1) and publishes it. Returns null when
    /// the definition or version does not exist.
    /// </summary>
    Task<WorkflowVersion?> RollbackAsync(string tenantId, string definitionId, int version, string? savedBy, CancellationToken cancellationToken = default);

    Task<WorkflowDefinition?> GetAsync(string tenantId, string definitionId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<WorkflowDefinition>> ListAsync(string tenantId, CancellationToken cancellationToken = default);

    /// <summary>Versions newest first, without JSON.</summary>
    Task<IReadOnlyList<WorkflowVersionSummary>> ListVersionsAsync(string tenantId, string definitionId, CancellationToken cancellationToken = default);

    Task<WorkflowVersion?> GetVersionAsync(string tenantId, string definitionId, int version, CancellationToken cancellationToken = default);

    Task<WorkflowVersion?> GetLatestVersionAsync(string tenantId, string definitionId, CancellationToken cancellationToken = default);

    Task<WorkflowVersion?> GetPublishedVersionAsync(string tenantId, string definitionId, CancellationToken cancellationToken = default);

    /// <summary>Deletes the definition, all its versions and its trigger index entries (instances stay).</summary>
    Task<bool> DeleteAsync(string tenantId, string definitionId, CancellationToken cancellationToken = default);
}
