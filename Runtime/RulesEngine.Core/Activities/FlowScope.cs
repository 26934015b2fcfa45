namespace RulesEngine.Core.Activities;

/// <summary>
/// A flowchart's progress, persisted with its context: which connections fired, which are dead (their source
/// completed through another port, or was skipped), and which WaitAny joins already went through.
/// </summary>
public sealed class FlowScope
{
    public HashSet<int> Fired { get; init; } = [];

    public HashSet<int> Dead { get; init; } = [];

    public HashSet<string> JoinsPassed { get; init; } = new(StringComparer.Ordinal);
}
