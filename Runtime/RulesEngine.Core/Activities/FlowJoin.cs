using RulesEngine.Core.Sdk;

namespace RulesEngine.Core.Activities;

/// <summary>Merges branches of a flowchart. The flowchart does the waiting; the join itself just passes on.</summary>
[Activity("Elsa.FlowJoin", Instant = true, Category = "Branching", DisplayName = "Join", Kind = ActivityKind.Flow,
    Description = "Merges branches: WaitAll continues once every branch that can still arrive has arrived, WaitAny with the first.")]
public sealed class FlowJoin : Activity
{
    [Input(Description = "WaitAll: wait for every active inbound branch. WaitAny: continue with the first.", UiHint = UiHints.Dropdown)]
    public Input<FlowJoinMode> Mode { get; set; } = new(FlowJoinMode.WaitAll);

    public override ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
