namespace RulesEngine.Core.Execution;

/// <summary>Persists a running instance's progress (state and new journal entries) between activities.</summary>
public delegate ValueTask Checkpoint(WorkflowState state, CancellationToken cancellationToken);
