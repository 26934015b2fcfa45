using System.Text.Json.Nodes;
using RulesEngine.Core.Expressions.JavaScript;
using RulesEngine.Core.Model;
using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.Compatibility;

/// <summary>
/// Elsa's RunJavaScript: runs a script with the JavaScript helpers; the value of its last statement is the result. The script
/// picks outcomes with <c>setOutcome("Name")</c> or <c>setOutcomes(["A","B"])</c>, declared in <c>possibleOutcomes</c>;
/// without one it completes with Done.
/// </summary>
[Activity("Elsa.RunJavaScript", Category = "Scripting", DisplayName = "Run JavaScript", DynamicOutcomesInput = "possibleOutcomes",
    Description = "Runs JavaScript; the script can choose the outcome with setOutcome(name).")]
public sealed class RunJavaScript : Activity, IHasNestedExpressions
{
    private const string ScriptKey = "script";

    [Input(Description = "The JavaScript code.", UiHint = UiHints.Code, EvaluateBeforeExecute = false)]
    public Input<string> Script { get; set; } = new(string.Empty);

    [Input(Description = "Outcomes the script may set, each a port.", UiHint = UiHints.Outcomes)]
    public Input<JsonNode> PossibleOutcomes { get; set; } = new();

    [Output(Description = "The value of the script's last statement.")]
    public Output<object> Result { get; set; } = new();

    /// <summary>Elsa stores the code as a literal; it is checked as JavaScript when the workflow loads.</summary>
    public IEnumerable<NestedExpression> GetNestedExpressions(ActivityNode node)
    {
        if (node.Inputs.TryGetValue(ScriptKey, out var input) && input.Expression.Type == Expression.Literal && !string.IsNullOrWhiteSpace(input.Expression.ValueText))
        {
            yield return new NestedExpression(ScriptKey, new Expression(Expression.JavaScript, JsonValue.Create(input.Expression.ValueText)), typeof(object));
        }
    }

    public override async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        using var outcomes = JavaScriptOutcomes.BeginScope();
        var nested = GetNestedExpressions(context.Definition).FirstOrDefault();
        var result = nested is not null
            ? await context.EvaluateAsync<object>(nested, cancellationToken).ConfigureAwait(false)
            : await context.EvaluateAsync(Script, cancellationToken).ConfigureAwait(false);
        context.Set(Result, result);
        if (outcomes.Outcomes.Count > 0)
        {
            context.Complete(outcomes.Outcomes);
        }
        else
        {
            context.Complete();
        }
    }
}
