using RulesEngine.Core.Model;
using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.Scripting;

/// <summary>Runs a C# script; its return value is the result.</summary>
[Activity("Elsa.RunCSharp", Category = "Scripting", DisplayName = "Run C#",
    Description = "Runs C# code (an expression, or statements with return) and outputs what it returns.")]
public sealed class RunCSharp : Activity, IHasNestedExpressions
{
    private const string ScriptKey = "script";

    [Input(Description = "The C# code. It sees Variables, Input, Trigger, Output, Mappings, Tenant and Now.", UiHint = UiHints.Code, EvaluateBeforeExecute = false)]
    public Input<string> Script { get; set; } = new(string.Empty);

    [Output(Description = "What the script returned.")]
    public Output<object> Result { get; set; } = new();

    /// <summary>Elsa stores the script as a literal holding the code; either way it is compiled with the workflow's C#.</summary>
    public IEnumerable<NestedExpression> GetNestedExpressions(ActivityNode node)
    {
        if (node.Inputs.TryGetValue(ScriptKey, out var input) && input.Expression.Type == Expression.Literal && !string.IsNullOrWhiteSpace(input.Expression.ValueText))
        {
            yield return new NestedExpression(ScriptKey, Expression.FromCSharp(input.Expression.ValueText!), typeof(object));
        }
    }

    public override async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        object? result;
        var nested = GetNestedExpressions(context.Definition).FirstOrDefault();
        if (nested is not null)
        {
            result = await context.EvaluateAsync<object>(nested, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // The script input is itself a CSharp (or other) expression: its value is the result.
            result = await context.EvaluateAsync(Script, cancellationToken).ConfigureAwait(false);
        }

        context.Set(Result, result);
    }
}
