using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.Primitives;

/// <summary>Completes the container it is in with the given outcomes (the container's own ports).</summary>
[Activity("Elsa.Complete", Instant = true, Category = "Primitives", DisplayName = "Complete", Kind = ActivityKind.Flow, Outcomes = [],
    Description = "Completes the container it is in with the given outcomes.")]
public sealed class Complete : Activity
{
    [Input(Description = "Outcomes the container completes with (default Done).", UiHint = UiHints.List)]
    public Input<string[]> Outcomes { get; set; } = new(["Done"]);

    public override ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var outcomes = context.Get(Outcomes) is { Length: > 0 } given ? given : ["Done"];
        context.EndParent(outcomes);
        return ValueTask.CompletedTask;
    }
}
