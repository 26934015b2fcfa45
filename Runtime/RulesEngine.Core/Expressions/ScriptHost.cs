using System.Text.Json;
using System.Text.Json.Nodes;
using RulesEngine.Core.Expressions.CSharp;

namespace RulesEngine.Core.Expressions;

/// <summary>
/// Base class of the classes the C# compiler generates for a workflow's scripts: its public members are what user
/// code sees besides the generated typed <c>Variables</c> and <c>Input</c>. Kept deliberately small, because every
/// member here is API that the sandbox lets scripts call.
/// </summary>
public abstract class ScriptHost
{
    protected ScriptHost(IScriptContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Context = context;
    }

    /// <summary>The trigger payload: <c>Trigger["candidateId"]</c>, <c>Trigger.Headers</c>, <c>Trigger.Query</c>.</summary>
    public TriggerData Trigger => Context.Trigger;

    /// <summary>Outputs of activities that already ran: <c>Output.From("fetchJobs")</c>.</summary>
    public ScriptOutputs Output => field ??= new ScriptOutputs(Context);

    /// <summary>The tenant's mapping tables: <c>Mappings["jobs"]["hj-123"]</c>.</summary>
    public MappingTables Mappings => Context.Mappings;

    public string Tenant => Context.Tenant;

    /// <summary>The engine clock (scripts should prefer it to <c>DateTimeOffset.UtcNow</c>, so runs are testable).</summary>
    public DateTimeOffset Now => Context.Now;

    public string WorkflowInstanceId => Context.WorkflowInstanceId;

    public string? CorrelationId
    {
        get => Context.CorrelationId;
        set => Context.CorrelationId = value;
    }

    protected IScriptContext Context { get; }

    /// <summary>Reads a variable by name (also those whose names are no C# identifiers).</summary>
    public object? GetVariable(string name) => Context.GetVariable(name);

    /// <summary>Reads a variable by name, converted to <typeparamref name="T"/>.</summary>
    public T? GetVariable<T>(string name) => ScriptValueConverter.To<T>(Context.GetVariable(name));

    public void SetVariable(string name, object? value) => Context.SetVariable(name, value);

    /// <summary>Reads a workflow input by name.</summary>
    public object? GetInput(string name) => Context.GetInput(name);

    /// <summary>Turns any value into JSON (null stays null).</summary>
    public static JsonNode? ToJson(object? value) =>
        value switch
        {
            null => null,
            JsonNode node => node,
            _ => JsonSerializer.SerializeToNode(value, value.GetType()),
        };

    /// <summary>Parses JSON text; null or blank text gives null.</summary>
    public static JsonNode? ParseJson(string? json) => string.IsNullOrWhiteSpace(json) ? null : JsonNode.Parse(json);

    /// <summary>Used by generated code for typed variables, inputs and results.</summary>
    protected static T? ConvertTo<T>(object? value) => ScriptValueConverter.To<T>(value);
}
