namespace RulesEngine.Core.Sdk;

/// <summary>A child activity finished: which one, with which outcomes, and the tag its parent gave when scheduling it.</summary>
public sealed record ChildCompletion(string ChildActivityId, string ChildContextId, IReadOnlyList<string> Outcomes, string? Tag)
{
    /// <summary>The child ended its parent (Elsa.End) or the workflow (Elsa.Finish); the container should stop.</summary>
    public bool Terminated { get; init; }
}
