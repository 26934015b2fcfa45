namespace RulesEngine.Core.Sdk;

/// <summary>Toolbox metadata of an activity class: its type name in workflow JSON, category, display name and outcomes.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivityAttribute(string typeName) : Attribute
{
    /// <summary>Type name as it appears in workflow JSON, e.g. <c>Elsa.WriteLine</c>.</summary>
    public string TypeName { get; } = typeName;

    public string Category { get; init; } = "Miscellaneous";

    public string? DisplayName { get; init; }

    public string? Description { get; init; }

    public ActivityKind Kind { get; init; } = ActivityKind.Action;

    /// <summary>The outcome ports. Defaults to <c>Done</c>.</summary>
    public string[] Outcomes { get; init; } = ["Done"];

    /// <summary>Name of an input whose values become extra outcome ports (FlowFork branches, FlowSwitch cases).</summary>
    public string? DynamicOutcomesInput { get; init; }

    /// <summary>
    /// The activity changes something outside the workflow (an HTTP call, a write to SmartRecruiters): the runtime
    /// checkpoints the instance after it, so a crash does not repeat it.
    /// </summary>
    public bool HasSideEffects { get; init; }

    /// <summary>
    /// The activity only reads and writes the workflow's own state: no I/O, no waiting (set variable, branch, answer
    /// the caller). A checkpoint owed by an earlier side effect is not written before it, but before the next activity
    /// that is not instant, or with the run's final save: a run like "call, set, answer" writes once at its end
    /// instead of twice, and a crash between the call and that write repeats the call as it would have before the
    /// checkpoint.
    /// </summary>
    public bool Instant { get; init; }

    /// <summary>Other type names that resolve to this activity (older Elsa names).</summary>
    public string[] Aliases { get; init; } = [];
}
