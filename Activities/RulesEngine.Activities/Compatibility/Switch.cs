using System.Globalization;
using System.Text.Json.Nodes;
using RulesEngine.Core.Model;
using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.Compatibility;

/// <summary>
/// Elsa's Switch: the first case whose condition holds (or every one, in MatchAny mode) runs its embedded activity; when
/// none holds, the <c>default</c> activity runs. Cases are kept as Elsa writes them:
/// <c>"cases":[{"label":"…","condition":{"type":"JavaScript","value":"…"},"activity":{…}}]</c>.
/// </summary>
[Activity("Elsa.Switch", Instant = true, Category = "Branching", DisplayName = "Switch (sequential)", Kind = ActivityKind.Flow,
    Description = "Runs the activity of the first case whose condition holds, else the default activity.")]
[Port("default")]
public sealed class Switch : Activity, IHasNestedExpressions, IHasEmbeddedActivities
{
    [Input(Description = "MatchFirst runs the first matching case; MatchAny runs every matching case.", UiHint = UiHints.Dropdown, Options = ["MatchFirst", "MatchAny"])]
    public Input<string> Mode { get; set; } = new("MatchFirst");

    public IEnumerable<NestedExpression> GetNestedExpressions(ActivityNode node) =>
        ReadCases(node).Select((c, i) => new NestedExpression(ConditionKey(i), c.Condition, typeof(bool)));

    public IEnumerable<EmbeddedActivity> GetEmbeddedActivities(ActivityNode node) =>
        ReadCases(node).Select((c, i) => (c.Activity, Slot: Slot(i))).Where(c => c.Activity is not null).Select(c => new EmbeddedActivity(c.Slot, c.Activity!));

    public override async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var cases = ReadCases(context.Definition);
        var matchAny = string.Equals(context.Get(Mode), "MatchAny", StringComparison.OrdinalIgnoreCase);
        var matched = false;
        for (var i = 0; i < cases.Count; i++)
        {
            var condition = new NestedExpression(ConditionKey(i), cases[i].Condition, typeof(bool));
            if (!await context.EvaluateAsync<bool>(condition, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            matched = true;
            context.SchedulePort(Slot(i));
            if (!matchAny)
            {
                break;
            }
        }

        if (!matched)
        {
            context.SchedulePort("default");
        }

        if (context.ActiveChildCount == 0)
        {
            context.Complete();
        }
    }

    public override ValueTask OnChildCompletedAsync(ActivityContext context, ChildCompletion child, CancellationToken cancellationToken)
    {
        if (context.ActiveChildCount == 0)
        {
            context.Complete();
        }

        return ValueTask.CompletedTask;
    }

    private static string ConditionKey(int i) => $"cases[{i.ToString(CultureInfo.InvariantCulture)}].condition";

    private static string Slot(int i) => "case:" + i.ToString(CultureInfo.InvariantCulture);

    private static List<(string Label, Expression Condition, JsonObject? Activity)> ReadCases(ActivityNode node)
    {
        var result = new List<(string, Expression, JsonObject?)>();
        foreach (var item in ElsaJson.Items(ElsaJson.Get(node.Extra, "cases")))
        {
            if (item is not JsonObject c)
            {
                continue;
            }

            var label = ElsaJson.Get(c, "label") is JsonValue l && l.TryGetValue<string>(out var s) ? s : $"Case {result.Count + 1}";
            result.Add((label, ElsaJson.ReadExpression(ElsaJson.Get(c, "condition")), ElsaJson.Get(c, "activity") as JsonObject));
        }

        return result;
    }
}
