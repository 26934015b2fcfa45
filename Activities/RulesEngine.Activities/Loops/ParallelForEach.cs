using System.Globalization;
using RulesEngine.Core.Execution;
using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.Loops;

/// <summary>Runs its body for every item concurrently, at most N at a time; each iteration sees its own current item.</summary>
[Activity("Elsa.ParallelForEach", Category = "Looping", DisplayName = "Parallel for each", Kind = ActivityKind.Flow,
    Description = "Runs the body for all items concurrently, up to the degree of parallelism.")]
[Port("body")]
public sealed class ParallelForEach : Activity
{
    private const string ItemsKey = "items";
    private const string NextKey = "next";

    [Input(Description = "The items to iterate: a list or JSON array.", DefaultSyntax = "CSharp", UiHint = UiHints.Json)]
    public Input<object> Items { get; set; } = new();

    [Input(Description = "How many iterations run at once.")]
    public Input<int> MaxDegreeOfParallelism { get; set; } = new(8);

    [Output(Description = "The item of the iteration (each iteration sees its own).")]
    public Output<object> CurrentValue { get; set; } = new();

    public override ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var items = ValueConverter.ToList(context.Get(Items)).ToList();
        var degree = Math.Max(1, context.Get(MaxDegreeOfParallelism));
        context.SetProperty(ItemsKey, items);
        context.SetParallelism(degree);
        var started = 0;
        while (started < items.Count && started < degree)
        {
            if (!StartIteration(context, items, started))
            {
                context.Complete();
                return ValueTask.CompletedTask;
            }

            started++;
        }

        context.SetProperty(NextKey, started);
        if (started == 0)
        {
            context.Complete();
        }

        return ValueTask.CompletedTask;
    }

    public override ValueTask OnChildCompletedAsync(ActivityContext context, ChildCompletion child, CancellationToken cancellationToken)
    {
        var items = context.GetProperty<List<object?>>(ItemsKey) ?? [];
        var next = context.GetProperty<int>(NextKey);
        if (next < items.Count)
        {
            StartIteration(context, items, next);
            context.SetProperty(NextKey, next + 1);
        }
        else if (context.ActiveChildCount == 0)
        {
            context.Complete();
        }

        return ValueTask.CompletedTask;
    }

    private bool StartIteration(ActivityContext context, List<object?> items, int index)
    {
        var item = items[index];
        var outputs = new Dictionary<string, object?> { ["currentValue"] = item };
        Dictionary<string, object?>? variables = null;
        if (context.BoundVariable(CurrentValue) is { } variable)
        {
            variables = new Dictionary<string, object?> { [variable] = item };
        }

        return context.SchedulePort("body", index.ToString(CultureInfo.InvariantCulture), context.ContextId, outputs, variables);
    }
}
