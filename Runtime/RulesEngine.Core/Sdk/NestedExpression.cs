using RulesEngine.Core.Model;

namespace RulesEngine.Core.Sdk;

/// <summary>
/// An expression that lives inside an input's value rather than being the input itself (a FlowSwitch case's condition,
/// RunCSharp's script). The loader compiles and validates it with the rest of the workflow under <see cref="Key"/>.
/// </summary>
public sealed record NestedExpression(string Key, Expression Expression, Type ResultType);
