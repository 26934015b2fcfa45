using System.Globalization;
using System.Text.Json.Nodes;
using RulesEngine.Core.Model;
using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.Compatibility;

/// <summary>
/// Elsa's Fork: runs every activity of <c>branches</c> at once; completes when all have completed (WaitAll) or with the first
/// (WaitAny, which cancels the others and their bookmarks).
/// </summary>
[Activity("Elsa.Fork", Category = "Branching", DisplayName = "Fork (sequential)", Kind = ActivityKind.Flow,
    Description = "Runs its branch activities at once; completes after all of them (WaitAll) or the first (WaitAny).")]
public sealed class Fork : Activity, IHasEmbeddedActivities
{
    private const string WaitAnyKey = "waitAny";

    [Input(Description = "WaitAll completes after every branch; WaitAny after the first, cancelling the others.", UiHint = UiHints.Dropdown, Options = ["WaitAll", "WaitAny"])]
    public Input<string> JoinMode { get; set; } = new("WaitAll");

    public IEnumerable<EmbeddedActivity> GetEmbeddedActivities(ActivityNode node) =>
        ElsaJson.Items(ElsaJson.Get(node.Extra, "branches"))
            .Select((b, i) => (Json: b as JsonObject, Index: i))
            .Where(b => b.Json is not null)
            .Select(b => new EmbeddedActivity(Slot(b.Index), b.Json!));

    public override ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        context.SetProperty(WaitAnyKey, string.Equals(context.Get(JoinMode), "WaitAny", StringComparison.OrdinalIgnoreCase));
        var count = ElsaJson.Items(ElsaJson.Get(context.Definition.Extra, "branches")).Count();
        for (var i = 0; i < count; i++)
        {
            context.SchedulePort(Slot(i));
        }

        if (context.ActiveChildCount == 0)
        {
            context.Complete();
        }

        return ValueTask.CompletedTask;
    }

    public override ValueTask OnChildCompletedAsync(ActivityContext context, ChildCompletion child, CancellationToken cancellationToken)
    {
        // Inputs are evaluated when the fork starts, not when a branch completes: the mode was kept then.
        if (context.GetProperty<bool>(WaitAnyKey) || context.ActiveChildCount == 0)
        {
            context.CancelChildren();
            context.Complete();
        }

        return ValueTask.CompletedTask;
    }

    private static string Slot(int i) => "branch:" + i.ToString(CultureInfo.InvariantCulture);
}
