using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.Primitives;

/// <summary>Marks where a flowchart starts when it has no trigger.</summary>
[Activity("Elsa.Start", Instant = true, Category = "Primitives", DisplayName = "Start", Kind = ActivityKind.Flow, Description = "Where the flowchart starts.")]
public sealed class Start : Activity
{
    public override ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
