using System.Reflection;
using System.Text.Json.Serialization;

namespace RulesEngine.Core.Descriptors;

/// <summary>An output of an activity type.</summary>
public sealed class OutputDescriptor
{
    public required string Name { get; init; }

    public required string DisplayName { get; init; }

    public required string TypeName { get; init; }

    public string? Description { get; init; }

    // Not "required": JSON schema generation (OpenAPI) rejects required members that are not serialised.
    [JsonIgnore]
    public Type ValueType { get; init; } = typeof(object);

    [JsonIgnore]
    public PropertyInfo Property { get; init; } = null!;
}
