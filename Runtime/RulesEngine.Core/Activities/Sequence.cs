using RulesEngine.Core.Sdk;

namespace RulesEngine.Core.Activities;

/// <summary>Runs its child activities one after the other.</summary>
[Activity("Elsa.Sequence", Category = "Workflows", DisplayName = "Sequence", Kind = ActivityKind.Container,
    Description = "Runs its activities in order, each after the previous one completed.")]
public sealed class Sequence : Activity
{
    private const string IndexKey = "index";

    public override ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var children = context.ChildIds;
        if (children.Count == 0)
        {
            context.Complete();
            return ValueTask.CompletedTask;
        }

        context.SetProperty(IndexKey, 0);
        context.ScheduleChild(children[0]);
        return ValueTask.CompletedTask;
    }

    public override ValueTask OnChildCompletedAsync(ActivityContext context, ChildCompletion child, CancellationToken cancellationToken)
    {
        var children = context.ChildIds;
        var next = context.GetProperty<int>(IndexKey) + 1;
        if (next >= children.Count)
        {
            context.Complete();
            return ValueTask.CompletedTask;
        }

        context.SetProperty(IndexKey, next);
        context.ScheduleChild(children[next]);
        return ValueTask.CompletedTask;
    }
}
