using Quartz;
using RulesEngine.Activities.Timers;

namespace RulesEngine.Host.Features.Schedules;

/// <summary>How a published cron or timer trigger is stored as a Quartz job and trigger.</summary>
/// <remarks>
/// Group is the tenant, name is "definition/activity", so a definition's jobs are found by prefix. The job's description
/// holds a signature of what was published (version, expression, zone, policies), so reconciling compares listings without
/// loading job data; its schedule part tells whether the Quartz trigger must be replaced (a new schedule) or only the job
/// (a new version of the same schedule: the trigger keeps its state, so a fire is neither lost nor repeated).
/// </remarks>
internal static class CronJobData
{
    private const string Tenant = "tenant";
    private const string Definition = "definition";
    private const string Activity = "activity";
    private const string Version = "version";
    private const string Expression = "expression";
    private const string Zone = "timeZone";
    private const string Misfire = "misfire";
    private const string Overlap = "overlap";
    private const string IntervalTicks = "intervalTicks";

    public static JobKey JobKeyOf(CronTrigger trigger) => new($"{trigger.DefinitionId}/{trigger.ActivityId}", trigger.TenantId);

    public static string ScheduleSignature(CronTrigger trigger) => trigger.Interval is { } interval
        ? $"every {interval.ToString("c", System.Globalization.CultureInfo.InvariantCulture)}|{trigger.Misfire}"
        : $"{trigger.Expression}|{trigger.TimeZone ?? "UTC"}|{trigger.Misfire}";

    public static string Signature(CronTrigger trigger) => $"v{trigger.Version}|{trigger.Overlap}|{ScheduleSignature(trigger)}";

    /// <summary>The schedule part of a stored job's signature (null when it has none).</summary>
    public static string? ScheduleSignatureOf(string? signature) =>
        signature?.Split('|', 3) is [_, _, var schedule] ? schedule : null;

    public static IJobDetail Job(CronTrigger trigger) => JobBuilder.Create<CronFireJob>()
        .WithIdentity(JobKeyOf(trigger))
        .WithDescription(Signature(trigger))
        .RequestRecovery()
        .UsingJobData(Tenant, trigger.TenantId)
        .UsingJobData(Definition, trigger.DefinitionId)
        .UsingJobData(Activity, trigger.ActivityId)
        .UsingJobData(Version, trigger.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .UsingJobData(Expression, trigger.Expression)
        .UsingJobData(Zone, trigger.TimeZone ?? "UTC")
        .UsingJobData(Misfire, trigger.Misfire.ToString())
        .UsingJobData(Overlap, trigger.Overlap.ToString())
        .UsingJobData(IntervalTicks, trigger.Interval?.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty)
        .Build();

    /// <summary>
    /// The Quartz trigger, counting from <paramref name="timeProvider"/>'s now: a cron schedule in its zone, or a timer
    /// repeating forever whose first tick is one interval away.
    /// </summary>
    public static ITrigger Trigger(CronTrigger trigger, TimeProvider timeProvider)
    {
        var key = JobKeyOf(trigger);
        var builder = TriggerBuilder.Create(timeProvider).WithIdentity(key.Name, key.Group).ForJob(key);
        var now = timeProvider.GetUtcNow();
        if (trigger.Interval is { } interval)
        {
            return builder.StartAt(now + interval)
                .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(interval).RepeatForever()
                    .WithMisfireInstruction(trigger.Misfire == CronMisfirePolicy.Skip ? SimpleTriggerMisfireInstruction.NextWithRemainingCount : SimpleTriggerMisfireInstruction.NowWithExistingCount))
                .Build();
        }

        var schedule = CronScheduleBuilder.Create(CronSchedule.Parse(trigger.Expression))
            .InTimeZone(CronSchedule.Zone(trigger.TimeZone))
            .WithMisfireInstruction(trigger.Misfire == CronMisfirePolicy.Skip ? CronTriggerMisfireInstruction.DoNothing : CronTriggerMisfireInstruction.FireAndProceed);
        return builder.StartAt(now).WithSchedule(schedule).Build();
    }

    /// <summary>Reads a fired job's data back; null when it is not one of ours or was written by an incompatible release.</summary>
    public static CronTrigger? Read(JobDataMap data)
    {
        var tenant = data.GetString(Tenant);
        var definition = data.GetString(Definition);
        var activity = data.GetString(Activity);
        var expression = data.GetString(Expression);
        var intervalTicks = data.GetString(IntervalTicks);
        if (tenant is null || definition is null || activity is null || expression is null
            || !int.TryParse(data.GetString(Version), System.Globalization.CultureInfo.InvariantCulture, out var version))
        {
            return null;
        }

        return new CronTrigger(
            tenant, definition, version, activity, expression, data.GetString(Zone),
            Enum.TryParse<CronMisfirePolicy>(data.GetString(Misfire), out var misfire) ? misfire : CronMisfirePolicy.RunOnce,
            Enum.TryParse<CronOverlapPolicy>(data.GetString(Overlap), out var overlap) ? overlap : CronOverlapPolicy.Skip,
            Enabled: true)
        {
            Interval = long.TryParse(intervalTicks, System.Globalization.CultureInfo.InvariantCulture, out var ticks) ? TimeSpan.FromTicks(ticks) : null,
        };
    }
}
