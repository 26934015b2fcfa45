using System.Text.Json.Nodes;
using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.Flow;

/// <summary>Continues through every branch at once.</summary>
[Activity("Elsa.FlowFork", Category = "Branching", DisplayName = "Fork", Kind = ActivityKind.Flow, Outcomes = [],
    DynamicOutcomesInput = "branches", Description = "Splits the flow into branches that all run.")]
public sealed class FlowFork : Activity
{
    [Input(Description = "Names of the branches; each is a port.", UiHint = UiHints.Outcomes)]
    public Input<JsonNode> Branches { get; set; } = new();

    public override ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        context.Complete(ReadBranches(context.Get(Branches)));
        return ValueTask.CompletedTask;
    }

    /// <summary>Branches as a JSON array of names, or one comma-separated string.</summary>
    internal static List<string> ReadBranches(JsonNode? value) => value switch
    {
        JsonArray a => a.Select(b => b?.GetValue<string>()).Where(b => !string.IsNullOrWhiteSpace(b)).Select(b => b!.Trim()).ToList(),
        JsonValue v when v.TryGetValue<string>(out var s) && s.TrimStart().StartsWith('[') => ReadBranches(JsonNode.Parse(s)),
        JsonValue v when v.TryGetValue<string>(out var s) => s.Split([',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
        _ => [],
    };
}
