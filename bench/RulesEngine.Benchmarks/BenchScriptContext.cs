using System.Text.Json.Nodes;
using RulesEngine.Core.Expressions;

namespace RulesEngine.Benchmarks;

/// <summary>A minimal script context with one integer variable.</summary>
internal sealed class BenchScriptContext : IScriptContext
{
    private object? _x = 41;

    public TriggerData Trigger => TriggerData.Empty;

    public MappingTables Mappings => MappingTables.Empty;

    public string Tenant => "bench";

    public DateTimeOffset Now => DateTimeOffset.UnixEpoch;

    public string WorkflowInstanceId => "i";

    public string? CorrelationId { get; set; }

    public object? GetVariable(string name) => _x;

    public void SetVariable(string name, object? value) => _x = value;

    public object? GetInput(string name) => null;

    public JsonNode? GetActivityOutput(string activityIdOrName, string? outputName) => null;
}
