using System.Text.Json.Nodes;

namespace RulesEngine.Core.Model;

/// <summary>A workflow variable: id (what memory references point at), name (what scripts use), type and default value.</summary>
public sealed class VariableDefinition
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public string TypeName { get; init; } = "Object";

    public bool IsArray { get; init; }

    public JsonNode? Value { get; init; }

    /// <summary>Properties we do not model (storage driver and the like), written back unchanged.</summary>
    public JsonObject Extra { get; init; } = [];
}
