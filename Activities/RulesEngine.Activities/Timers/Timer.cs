using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.Timers;

/// <summary>Starts the workflow at a fixed interval; inside a running workflow, waits one interval.</summary>
[Activity("Elsa.Timer", Category = "Scheduling", DisplayName = "Timer", Kind = ActivityKind.Trigger,
    Description = "Triggers the workflow every interval.")]
public sealed class Timer : Activity
{
    /// <summary>Shortest interval accepted: a shorter one would keep the scheduler busy for nothing.</summary>
    public static readonly TimeSpan MinimumInterval = System.TimeSpan.FromSeconds(1);

    [Input(Description = "The interval: 00:15:00, 15m or PT15M.", UiHint = UiHints.TimeSpan)]
    public Input<TimeSpan> Interval { get; set; } = new(System.TimeSpan.FromMinutes(15));

    public override string? ValidateLiteral(string inputName, object? value) =>
        inputName == "interval" && value is TimeSpan interval && interval < MinimumInterval
            ? $"the interval is {interval}; it must be at least one second"
            : null;

    public override ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        if (!context.IsTriggerOfRun)
        {
            context.CreateBookmark(new BookmarkRequest("Elsa.Timer") { ResumeAt = context.Time.GetUtcNow() + context.Get(Interval) });
        }

        return ValueTask.CompletedTask;
    }
}
