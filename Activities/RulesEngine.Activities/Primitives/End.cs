using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.Primitives;

/// <summary>Ends the flowchart it is in, cancelling its other branches.</summary>
[Activity("Elsa.End", Instant = true, Category = "Primitives", DisplayName = "End", Kind = ActivityKind.Flow, Outcomes = [],
    Description = "Ends the flowchart it is in; other branches still running are cancelled.")]
public sealed class End : Activity
{
    public override ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        context.EndParent("Done");
        return ValueTask.CompletedTask;
    }
}
