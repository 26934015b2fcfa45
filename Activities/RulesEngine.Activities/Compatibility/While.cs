using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.Compatibility;

/// <summary>Elsa's While: runs its body again and again while the condition holds (checked before every iteration).</summary>
[Activity("Elsa.While", Category = "Looping", DisplayName = "While", Kind = ActivityKind.Flow,
    Description = "Runs the body while the condition holds. Elsa.Break inside the body ends the loop.")]
[Port("body")]
public sealed class While : Activity, ILoopActivity
{
    [Input(Description = "Checked before each iteration.", DefaultSyntax = "CSharp", EvaluateBeforeExecute = false)]
    public Input<bool> Condition { get; set; } = new(false);

    public override ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken) => IterateAsync(context, cancellationToken);

    public override ValueTask OnChildCompletedAsync(ActivityContext context, ChildCompletion child, CancellationToken cancellationToken) =>
        child.Terminated ? Done(context) : IterateAsync(context, cancellationToken);

    private async ValueTask IterateAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        // Without a body there is nothing to repeat; Elsa would spin until the condition changed, which it never could.
        if (!await context.EvaluateAsync(Condition, cancellationToken).ConfigureAwait(false) || !context.SchedulePort("body"))
        {
            context.Complete();
        }
    }

    private static ValueTask Done(ActivityContext context)
    {
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
