using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.Compatibility;

/// <summary>Elsa's FlowNode: a pass-through point in a flowchart (a place to merge or fan out connections).</summary>
[Activity("Elsa.FlowNode", Category = "Branching", DisplayName = "Flow node", Kind = ActivityKind.Flow,
    Description = "Does nothing and continues through Done.")]
public sealed class FlowNode : Activity
{
    public override ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
