using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.Compatibility;

/// <summary>Elsa's StartAt: starts the workflow at a moment; inside a running workflow, waits until then.</summary>
[Activity("Elsa.StartAt", Category = "Scheduling", DisplayName = "Start at", Kind = ActivityKind.Trigger,
    Description = "Triggers the workflow at the given date and time; in a running workflow, waits until then.")]
public sealed class StartAt : Activity
{
    public const string BookmarkName = "Elsa.StartAt";

    [Input(Description = "When, e.g. 2026-12-01T08:00:00Z.", UiHint = UiHints.SingleLine)]
    public Input<DateTimeOffset> DateTime { get; set; } = new();

    public override ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var at = context.Get(DateTime);
        if (!context.IsTriggerOfRun && at > context.Time.GetUtcNow())
        {
            context.CreateBookmark(new BookmarkRequest(BookmarkName) { ResumeAt = at });
        }

        return ValueTask.CompletedTask;
    }
}
