using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.Primitives;

/// <summary>Finishes the whole workflow at once.</summary>
[Activity("Elsa.Finish", Instant = true, Category = "Primitives", DisplayName = "Finish", Kind = ActivityKind.Flow, Outcomes = [],
    Description = "Finishes the workflow: nothing else runs.")]
public sealed class Finish : Activity
{
    public override ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        context.FinishWorkflow();
        return ValueTask.CompletedTask;
    }
}
