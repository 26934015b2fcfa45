using System.Reflection;
using System.Text.Json.Serialization;

namespace RulesEngine.Core.Descriptors;

/// <summary>An input of an activity type as the designer and validator see it.</summary>
public sealed class InputDescriptor
{
    public required string Name { get; init; }

    public required string DisplayName { get; init; }

    public required string TypeName { get; init; }

    public string? Description { get; init; }

    public required string UiHint { get; init; }

    public IReadOnlyList<string> Options { get; init; } = [];

    public object? DefaultValue { get; init; }

    public bool IsSecret { get; init; }

    public bool Required { get; init; }

    public int Order { get; init; }

    public string DefaultSyntax { get; init; } = "Literal";

    [JsonIgnore]
    public bool EvaluateBeforeExecute { get; init; } = true;

    // Not "required": JSON schema generation (OpenAPI) rejects required members that are not serialised.
    [JsonIgnore]
    public Type ValueType { get; init; } = typeof(object);

    [JsonIgnore]
    public PropertyInfo Property { get; init; } = null!;
}
