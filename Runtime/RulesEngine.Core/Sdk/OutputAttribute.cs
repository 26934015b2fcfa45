namespace RulesEngine.Core.Sdk;

/// <summary>Describes an <see cref="Output{T}"/> property for the designer.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class OutputAttribute : Attribute
{
    public string? DisplayName { get; init; }

    public string? Description { get; init; }
}
