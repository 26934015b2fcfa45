namespace RulesEngine.Core.Execution;

/// <summary>An input's expression failed to evaluate or convert; the message names the input and the expression type.</summary>
public sealed class ActivityInputException(string inputName, string expressionType, Exception inner)
    : Exception($"input '{inputName}' ({expressionType}): {inner.Message}", inner)
{
    public string InputName { get; } = inputName;

    public string ExpressionType { get; } = expressionType;
}
