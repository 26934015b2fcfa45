using System.Text.Json.Nodes;

namespace RulesEngine.Core.Model;

/// <summary>A declared workflow input (<c>Input.&lt;Name&gt;</c> in scripts).</summary>
public sealed class WorkflowInputDefinition
{
    public required string Name { get; init; }

    public string TypeName { get; init; } = "Object";

    public string? DisplayName { get; init; }

    public string? Description { get; init; }

    public JsonNode? DefaultValue { get; init; }

    public JsonObject Extra { get; init; } = [];
}
