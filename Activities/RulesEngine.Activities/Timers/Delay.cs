using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.Timers;

/// <summary>Waits for a time span; the instance is suspended (and persisted) meanwhile.</summary>
[Activity("Elsa.Delay", Category = "Scheduling", DisplayName = "Delay", Description = "Waits for the given time span, then continues.")]
public sealed class Delay : Activity
{
    [Input(Description = "How long to wait: 00:05:00, 5m, 30s or PT5M.", UiHint = UiHints.TimeSpan)]
    public Input<TimeSpan> TimeSpan { get; set; } = new(System.TimeSpan.FromMinutes(1));

    public override ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var resumeAt = context.Time.GetUtcNow() + context.Get(TimeSpan);
        context.CreateBookmark(new BookmarkRequest("Elsa.Delay") { ResumeAt = resumeAt });
        return ValueTask.CompletedTask;
    }
}
