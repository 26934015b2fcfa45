namespace RulesEngine.Core.Execution;

/// <summary>What the interpreter does with a queued work item.</summary>
public enum WorkItemKind
{
    Execute,
    ChildCompleted,
}
