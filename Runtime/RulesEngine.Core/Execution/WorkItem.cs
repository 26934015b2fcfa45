namespace RulesEngine.Core.Execution;

/// <summary>A unit of work in the interpreter's queue; serialisable so a suspended or crashed run continues where it was.</summary>
public sealed class WorkItem
{
    public WorkItemKind Kind { get; init; }

    /// <summary>The context to execute, or the parent to notify.</summary>
    public required string ContextId { get; init; }

    public string? ChildContextId { get; init; }

    public string? ChildActivityId { get; init; }

    public string? ChildTag { get; init; }

    public List<string>? Outcomes { get; init; }

    public bool Terminated { get; init; }
}
