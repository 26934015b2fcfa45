namespace RulesEngine.Core.Sdk;

/// <summary>Describes an <see cref="Input{T}"/> property for the designer and the validator.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class InputAttribute : Attribute
{
    public string? DisplayName { get; init; }

    public string? Description { get; init; }

    /// <summary>One of <see cref="UiHints"/>; derived from the value type when not set.</summary>
    public string? UiHint { get; init; }

    /// <summary>Choices for a dropdown.</summary>
    public string[] Options { get; init; } = [];

    /// <summary>Default value shown in the designer (the activity's own default applies at run time).</summary>
    public object? DefaultValue { get; init; }

    /// <summary>The value is a secret: never logged, journaled or exported in clear.</summary>
    public bool IsSecret { get; init; }

    /// <summary>Publishing refuses the workflow when a required input has no expression.</summary>
    public bool Required { get; init; }

    public int Order { get; init; }

    /// <summary>The expression type the designer proposes first: Literal or CSharp.</summary>
    public string DefaultSyntax { get; init; } = "Literal";

    /// <summary>When false the input is not evaluated before the activity runs (the activity evaluates it itself, e.g. per loop item).</summary>
    public bool EvaluateBeforeExecute { get; init; } = true;
}
