namespace RulesEngine.Core.Execution;

/// <summary>Where a run stopped: status, the full state (to persist or resume), and the error when faulted.</summary>
public sealed class RunResult(WorkflowState state)
{
    public WorkflowState State { get; } = state;

    public WorkflowStatus Status => State.Status;

    public WorkflowFault? Fault => State.Fault;

    public IReadOnlyList<BookmarkState> Bookmarks => State.Bookmarks;
}
