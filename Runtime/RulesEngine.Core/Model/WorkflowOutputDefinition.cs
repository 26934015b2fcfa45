using System.Text.Json.Nodes;

namespace RulesEngine.Core.Model;

/// <summary>A declared workflow output, set by <c>Elsa.SetOutput</c>.</summary>
public sealed class WorkflowOutputDefinition
{
    public required string Name { get; init; }

    public string TypeName { get; init; } = "Object";

    public string? DisplayName { get; init; }

    public string? Description { get; init; }

    public JsonObject Extra { get; init; } = [];
}
