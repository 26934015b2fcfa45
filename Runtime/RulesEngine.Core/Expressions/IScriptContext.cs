using System.Text.Json.Nodes;

namespace RulesEngine.Core.Expressions;

/// <summary>
/// What a compiled C# expression can see while it runs. The interpreter implements it once per evaluation;
/// generated script code reaches it through <see cref="ScriptHost"/>.
/// </summary>
public interface IScriptContext
{
    /// <summary>Reads a declared workflow variable; null when it has no value yet.</summary>
    object? GetVariable(string name);

    /// <summary>Writes a declared workflow variable (converted to its declared type by the engine).</summary>
    void SetVariable(string name, object? value);

    /// <summary>Reads a declared workflow input.</summary>
    object? GetInput(string name);

    /// <summary>The trigger payload: body as JSON plus HTTP headers and query when an HTTP trigger started the run.</summary>
    TriggerData Trigger { get; }

    /// <summary>Outputs of activities that already ran in this instance, as JSON.</summary>
    JsonNode? GetActivityOutput(string activityIdOrName, string? outputName);

    /// <summary>The tenant's mapping tables (empty outside a tenant).</summary>
    MappingTables Mappings { get; }

    /// <summary>The tenant id, or an empty string outside a tenant.</summary>
    string Tenant { get; }

    /// <summary>The engine clock.</summary>
    DateTimeOffset Now { get; }

    /// <summary>Instance id of the running workflow.</summary>
    string WorkflowInstanceId { get; }

    /// <summary>Correlation id of the running workflow (may be null).</summary>
    string? CorrelationId { get; set; }
}
