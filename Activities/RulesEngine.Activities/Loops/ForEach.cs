using RulesEngine.Core.Execution;
using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.Loops;

/// <summary>Runs its body once per item, one after the other.</summary>
[Activity("Elsa.ForEach", Category = "Looping", DisplayName = "For each", Kind = ActivityKind.Flow,
    Description = "Runs the body activity once for each item, in order.")]
[Port("body")]
public sealed class ForEach : Activity
{
    private const string ItemsKey = "items";
    private const string IndexKey = "index";

    [Input(Description = "The items to iterate: a list or JSON array.", DefaultSyntax = "CSharp", UiHint = UiHints.Json)]
    public Input<object> Items { get; set; } = new();

    [Output(Description = "The item of the current iteration.")]
    public Output<object> CurrentValue { get; set; } = new();

    [Output(Description = "The zero-based index of the current iteration.")]
    public Output<int> CurrentIndex { get; set; } = new();

    public override ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var items = ValueConverter.ToList(context.Get(Items)).ToList();
        context.SetProperty(ItemsKey, items);
        Next(context, items, 0);
        return ValueTask.CompletedTask;
    }

    public override ValueTask OnChildCompletedAsync(ActivityContext context, ChildCompletion child, CancellationToken cancellationToken)
    {
        var items = context.GetProperty<List<object?>>(ItemsKey) ?? [];
        Next(context, items, context.GetProperty<int>(IndexKey) + 1);
        return ValueTask.CompletedTask;
    }

    private void Next(ActivityContext context, List<object?> items, int index)
    {
        while (index < items.Count)
        {
            context.SetProperty(IndexKey, index);
            context.Set(CurrentValue, items[index]);
            context.Set(CurrentIndex, index);
            if (context.SchedulePort("body", index.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            {
                return;
            }

            index++;
        }

        context.Complete();
    }
}
