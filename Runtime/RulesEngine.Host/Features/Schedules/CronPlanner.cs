using RulesEngine.Activities.Timers;

namespace RulesEngine.Host.Features.Schedules;

/// <summary>
/// Decides, from a trigger's last fire and the clock, which fire is due now (at most one: missed fires are caught up
/// once, or skipped, per the trigger's misfire policy) and when the next one comes. Pure, so DST and misfires are
/// tested with a fake clock.
/// </summary>
internal static class CronPlanner
{
    /// <summary>A fire counts as on time (not missed) up to this late.</summary>
    public static readonly TimeSpan MisfireThreshold = TimeSpan.FromSeconds(60);

    public static CronPlan Plan(CronTrigger trigger, DateTimeOffset lastFire, DateTimeOffset now)
    {
        var expression = CronSchedule.Parse(trigger.Expression);
        var zone = CronSchedule.Zone(trigger.TimeZone);
        DateTimeOffset? due = null;
        var missed = 0;
        var cursor = lastFire;
        while (expression.GetNextOccurrence(cursor, zone) is { } occurrence && occurrence <= now)
        {
            due = occurrence;
            cursor = occurrence;
            if (++missed > 10_000)
            {
                break; // a seconds schedule left alone for days: the latest occurrence is what matters
            }
        }

        if (due is { } fire && now - fire > MisfireThreshold && trigger.Misfire == CronMisfirePolicy.Skip)
        {
            due = null;
        }

        var next = expression.GetNextOccurrence(due ?? now, zone);
        return new CronPlan(due, next, missed);
    }
}
