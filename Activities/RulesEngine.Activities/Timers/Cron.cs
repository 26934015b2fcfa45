using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.Timers;

/// <summary>Starts the workflow on a cron schedule (inside a running workflow: waits until the next fire time).</summary>
[Activity("Elsa.Cron", Category = "Scheduling", DisplayName = "Cron", Kind = ActivityKind.Trigger,
    Description = "Triggers the workflow on a cron schedule, in a time zone.")]
public sealed class Cron : Activity
{
    [Input(Description = "Cron expression: 5 fields (Unix: minute hour day month weekday) or 6-7 fields (Quartz: seconds first, optional year, `?` allowed).", UiHint = UiHints.Cron, Required = true)]
    public Input<string> CronExpression { get; set; } = new("0 */6 * * *");

    [Input(Description = "IANA time zone, e.g. Europe/Warsaw (default UTC).")]
    public Input<string> TimeZone { get; set; } = new("UTC");

    [Input(Description = "Fires missed while no host ran: run once to catch up, or skip.")]
    public Input<CronMisfirePolicy> MisfirePolicy { get; set; } = new(CronMisfirePolicy.RunOnce);

    [Input(Description = "A fire while the previous run still runs: skip it, or allow it.")]
    public Input<CronOverlapPolicy> OverlapPolicy { get; set; } = new(CronOverlapPolicy.Skip);

    [Input(Description = "When false the schedule does not fire.")]
    public Input<bool> Enabled { get; set; } = new(true);

    public override string? ValidateLiteral(string inputName, object? value)
    {
        try
        {
            switch (inputName)
            {
                case "cronExpression":
                    CronSchedule.Parse(value as string ?? string.Empty);
                    break;
                case "timeZone":
                    CronSchedule.Zone(value as string);
                    break;
            }

            return null;
        }
        catch (FormatException ex)
        {
            return ex.Message;
        }
    }

    public override ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        if (context.IsTriggerOfRun)
        {
            return ValueTask.CompletedTask;
        }

        var next = CronSchedule.Next(context.Get(CronExpression) ?? string.Empty, context.Get(TimeZone), context.Time.GetUtcNow())
            ?? throw new InvalidOperationException("input 'cronExpression': the schedule never fires again");
        context.CreateBookmark(new BookmarkRequest("Elsa.Cron") { ResumeAt = next });
        return ValueTask.CompletedTask;
    }
}
