using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.Compatibility;

/// <summary>Elsa's Break: ends the nearest enclosing loop (ForEach, ParallelForEach, While); the loop completes with Done.</summary>
[Activity("Elsa.Break", Category = "Looping", DisplayName = "Break", Kind = ActivityKind.Flow, Outcomes = [],
    Description = "Ends the nearest enclosing loop.")]
public sealed class Break : Activity
{
    public override ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        context.BreakLoop();
        return ValueTask.CompletedTask;
    }
}
