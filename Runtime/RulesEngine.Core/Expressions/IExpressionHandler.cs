using RulesEngine.Core.Model;

namespace RulesEngine.Core.Expressions;

/// <summary>
/// Evaluates one expression type (JavaScript, Liquid, …). Literal, Object, Variable and CSharp are built in;
/// register further handlers in DI to add more.
/// </summary>
public interface IExpressionHandler
{
    /// <summary>The expression type name as it appears in workflow JSON, e.g. <c>JavaScript</c>.</summary>
    string Type { get; }

    /// <summary>Checks an expression at load time; returns problems as (message, line, column).</summary>
    IEnumerable<(string Message, int? Line, int? Column)> Validate(Expression expression) => [];

    /// <summary>Evaluates the expression to a value (the engine converts it to the input's type).</summary>
    ValueTask<object?> EvaluateAsync(Expression expression, ExpressionEvaluationContext context, CancellationToken cancellationToken);
}
