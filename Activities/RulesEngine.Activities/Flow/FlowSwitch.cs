using System.Text.Json.Nodes;
using RulesEngine.Core.Model;
using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.Flow;

/// <summary>Continues through the port of the first (or every) case whose condition holds, else Default.</summary>
[Activity("Elsa.FlowSwitch", Instant = true, Category = "Branching", DisplayName = "Switch", Kind = ActivityKind.Flow, Outcomes = ["Default"],
    DynamicOutcomesInput = "cases", Description = "Continues through the case whose condition holds; Default when none does.")]
public sealed class FlowSwitch : Activity, IHasNestedExpressions
{
    [Input(Description = "Cases: [{\"label\":\"Yes\",\"condition\":{\"type\":\"CSharp\",\"value\":\"…\"}}]; each label is a port.", UiHint = UiHints.Outcomes, EvaluateBeforeExecute = false)]
    public Input<JsonNode> Cases { get; set; } = new();

    [Input(Description = "MatchFirst takes the first case that holds; MatchAny takes every one.")]
    public Input<SwitchMode> Mode { get; set; } = new(SwitchMode.MatchFirst);

    public IEnumerable<NestedExpression> GetNestedExpressions(ActivityNode node) =>
        ReadCases(node).Select((c, i) => new NestedExpression($"cases[{i}].condition", c.Condition, typeof(bool)));

    public override async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var cases = ReadCases(context.Definition);
        var mode = context.Get(Mode);
        var matched = new List<string>();
        for (var i = 0; i < cases.Count; i++)
        {
            var expression = new NestedExpression($"cases[{i}].condition", cases[i].Condition, typeof(bool));
            if (await context.EvaluateAsync<bool>(expression, cancellationToken).ConfigureAwait(false))
            {
                matched.Add(cases[i].Label);
                if (mode == SwitchMode.MatchFirst)
                {
                    break;
                }
            }
        }

        context.Complete(matched.Count > 0 ? matched : ["Default"]);
    }

    /// <summary>Reads the cases from the JSON as Elsa writes them (a bare array, or wrapped in an Object/Literal expression).</summary>
    internal static List<(string Label, Expression Condition)> ReadCases(ActivityNode node)
    {
        if (!node.Inputs.TryGetValue("cases", out var input))
        {
            return [];
        }

        var value = input.Expression.Value;
        if (value is JsonValue text && text.TryGetValue<string>(out var s) && s.TrimStart().StartsWith('['))
        {
            value = JsonNode.Parse(s);
        }

        if (value is JsonObject wrapper && wrapper["$values"] is JsonArray inner)
        {
            value = inner;
        }

        var result = new List<(string, Expression)>();
        foreach (var item in value as JsonArray ?? [])
        {
            if (item is not JsonObject c)
            {
                continue;
            }

            var label = (c["label"] ?? c["Label"])?.GetValue<string>() ?? $"Case {result.Count + 1}";
            var condition = c["condition"] ?? c["Condition"];
            var expression = condition is JsonObject e && (e["type"] ?? e["Type"]) is JsonValue t
                ? new Expression(t.GetValue<string>(), (e["value"] ?? e["Value"])?.DeepClone())
                : Expression.FromLiteral(condition?.DeepClone());
            result.Add((label, expression));
        }

        return result;
    }
}
