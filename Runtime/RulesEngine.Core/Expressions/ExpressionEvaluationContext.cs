using RulesEngine.Core.Execution;

namespace RulesEngine.Core.Expressions;

/// <summary>What a pluggable expression handler gets: the script view of the run plus where the expression sits.</summary>
public sealed class ExpressionEvaluationContext(IScriptContext script, WorkflowBlueprint blueprint, string activityId, string inputName, Type targetType, TimeSpan budget)
{
    public IScriptContext Script { get; } = script;

    public WorkflowBlueprint Blueprint { get; } = blueprint;

    public string ActivityId { get; } = activityId;

    public string InputName { get; } = inputName;

    public Type TargetType { get; } = targetType;

    /// <summary>How long a script may run.</summary>
    public TimeSpan Budget { get; } = budget;

    /// <summary>Values of declared variables, by name (for handlers that expose them as objects).</summary>
    public IReadOnlyDictionary<string, object?> Variables { get; init; } = new Dictionary<string, object?>();

    /// <summary>Declared workflow inputs, by name.</summary>
    public IReadOnlyDictionary<string, object?> Inputs { get; init; } = new Dictionary<string, object?>();

    /// <summary>The last result an activity produced (Elsa's getLastResult).</summary>
    public object? LastResult { get; init; }
}
