using System.Text.Json.Nodes;
using RulesEngine.Core.Expressions;

namespace RulesEngine.Core.Tests.Expressions.CSharp;

/// <summary>An in-memory script context: variables, inputs and activity outputs in dictionaries.</summary>
internal sealed class TestScriptContext : IScriptContext
{
    public Dictionary<string, object?> Variables { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, object?> Inputs { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, JsonNode?> Outputs { get; } = new(StringComparer.Ordinal);

    public TriggerData Trigger { get; set; } = TriggerData.Empty;

    public MappingTables Mappings { get; set; } = MappingTables.Empty;

    public string Tenant { get; set; } = "acme";

    public DateTimeOffset Now { get; set; } = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public string WorkflowInstanceId { get; set; } = "wi-1";

    public string? CorrelationId { get; set; }

    public object? GetVariable(string name) => Variables.TryGetValue(name, out var value) ? value : null;

    public void SetVariable(string name, object? value) => Variables[name] = value;

    public object? GetInput(string name) => Inputs.TryGetValue(name, out var value) ? value : null;

    public JsonNode? GetActivityOutput(string activityIdOrName, string? outputName) =>
        Outputs.TryGetValue(outputName is null ? activityIdOrName : activityIdOrName + "." + outputName, out var value) ? value : null;
}
