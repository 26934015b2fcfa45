using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.Compatibility;

/// <summary>
/// Elsa's Join in a flowchart: merges inbound branches. WaitAny (Elsa's default) continues with the first branch to arrive;
/// WaitAll once every branch that can still arrive has arrived. The flowchart does the waiting.
/// </summary>
[Activity("Elsa.Join", Category = "Branching", DisplayName = "Join (sequential)", Kind = ActivityKind.Flow,
    Description = "Merges branches: WaitAny continues with the first arrival, WaitAll after every active branch.")]
public sealed class Join : Activity
{
    [Input(Description = "WaitAny or WaitAll.", UiHint = UiHints.Dropdown, Options = ["WaitAny", "WaitAll"])]
    public Input<string> JoinMode { get; set; } = new("WaitAny");

    public override ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
