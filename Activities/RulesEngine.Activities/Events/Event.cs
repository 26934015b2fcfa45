using RulesEngine.Core.Execution;
using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.Events;

/// <summary>
/// Elsa's Event: waits until an event of the given name is published (bookmark <c>Elsa.Event</c>, key = event name, with the
/// instance's correlation id), and outputs its payload. As the trigger of the run it completes at once with the trigger payload.
/// </summary>
[Activity("Elsa.Event", Category = "Primitives", DisplayName = "Event", Kind = ActivityKind.Trigger,
    Description = "Waits for (or is started by) an event of the given name.")]
public sealed class Event : Activity
{
    [Input(Description = "The name of the event to wait for.", Required = true)]
    public Input<string> EventName { get; set; } = new(string.Empty);

    [Output(Description = "The event payload.")]
    public Output<object> Result { get; set; } = new();

    public override ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        if (context.IsTriggerOfRun)
        {
            context.Set(Result, context.Trigger.Body?.DeepClone());
            return ValueTask.CompletedTask;
        }

        var name = context.Get(EventName);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new InvalidOperationException("input 'eventName' is empty");
        }

        context.CreateBookmark(EventBookmarks.Create(name, context.CorrelationId));
        return ValueTask.CompletedTask;
    }

    public override ValueTask ResumeAsync(ActivityContext context, BookmarkResumption resumption, CancellationToken cancellationToken)
    {
        context.Set(Result, resumption.Payload);
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
