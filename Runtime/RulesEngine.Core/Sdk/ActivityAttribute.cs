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

    /// <summary>Other type names that resolve to this activity (older Elsa names).</summary>
    public string[] Aliases { get; init; } = [];
}
