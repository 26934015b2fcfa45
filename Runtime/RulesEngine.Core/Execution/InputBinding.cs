using RulesEngine.Core.Descriptors;
using RulesEngine.Core.Model;
using RulesEngine.Core.Sdk;

namespace RulesEngine.Core.Execution;

/// <summary>An input property of an activity instance with the expression that feeds it (and a pre-converted literal).</summary>
internal sealed class InputBinding(InputDescriptor descriptor, Input input)
{
    public InputDescriptor Descriptor { get; } = descriptor;

    public Input Input { get; } = input;

    public Expression Expression => Input.Expression;

    /// <summary>True when the literal was converted once at load time and can be reused (immutable values only).</summary>
    public bool HasCachedLiteral { get; set; }

    public object? CachedLiteral { get; set; }
}
