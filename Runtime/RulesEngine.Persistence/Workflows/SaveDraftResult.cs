namespace RulesEngine.Persistence.Workflows;

/// <summary>
/// The outcome of <see cref="IWorkflowDefinitionStore.SaveDraftAsync"/>. On <see cref="SaveDraftStatus.Saved"/>,
/// <see cref="Current"/> is the saved version (with its new stamp); on <see cref="SaveDraftStatus.Conflict"/> it is the
/// latest version as another user left it (its <see cref="WorkflowVersion.SavedBy"/> says who).
/// </summary>
public sealed record SaveDraftResult(SaveDraftStatus Status, WorkflowVersion? Current);
