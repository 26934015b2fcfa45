using RulesEngine.Activities.Timers;
using RulesEngine.Host.Features.Schedules;

namespace RulesEngine.Host.Tests.Schedules;

public sealed class CronPlannerTests
{
    private static CronTrigger Trigger(string expression, string? zone = null, CronMisfirePolicy misfire = CronMisfirePolicy.RunOnce) =>
        new("t", "wf", 1, "cron", expression, zone, misfire, CronOverlapPolicy.Skip, Enabled: true);

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0, int second = 0) => new(2026, month, day, hour, minute, second, TimeSpan.Zero);

    [Fact]
    public void Plan_EverySixHours_FiresWhenDueAndSchedulesTheNext()
    {
        var plan = CronPlanner.Plan(Trigger("0 */6 * * *"), Utc(5, 1, 0), Utc(5, 1, 6, 0, 1));

        plan.Due.ShouldBe(Utc(5, 1, 6));
        plan.Next.ShouldBe(Utc(5, 1, 12));
    }

    [Fact]
    public void Plan_NotYetDue_FiresNothing()
    {
        var plan = CronPlanner.Plan(Trigger("0 */6 * * *"), Utc(5, 1, 6), Utc(5, 1, 7));

        plan.Due.ShouldBeNull();
        plan.Next.ShouldBe(Utc(5, 1, 12));
    }

    [Fact]
    public void Plan_SixFieldExpression_HasSeconds()
    {
        var plan = CronPlanner.Plan(Trigger("*/15 * * * * *"), Utc(5, 1, 6, 0, 0), Utc(5, 1, 6, 0, 16));

        plan.Due.ShouldBe(Utc(5, 1, 6, 0, 15));
        plan.Next.ShouldBe(Utc(5, 1, 6, 0, 30));
    }

    [Fact]
    public void Plan_MissedFires_RunOnce_CatchesUpWithOneRunOnly()
    {
        var plan = CronPlanner.Plan(Trigger("*/15 * * * *"), Utc(5, 1, 0), Utc(5, 1, 10, 7));

        plan.Due.ShouldBe(Utc(5, 1, 10, 0));
        plan.Occurrences.ShouldBe(40);
        plan.Next.ShouldBe(Utc(5, 1, 10, 15));
    }

    [Fact]
    public void Plan_MissedFires_Skip_WaitsForTheNextOne()
    {
        var plan = CronPlanner.Plan(Trigger("*/15 * * * *", misfire: CronMisfirePolicy.Skip), Utc(5, 1, 0), Utc(5, 1, 10, 7));

        plan.Due.ShouldBeNull();
        plan.Next.ShouldBe(Utc(5, 1, 10, 15));
    }

    [Fact]
    public void Plan_DailyInATimeZone_FollowsTheDaylightSavingChange()
    {
        // 09:00 in Warsaw is 08:00 UTC in winter and 07:00 UTC in summer; DST starts on 29 March 2026.
        var trigger = Trigger("0 9 * * *", "Europe/Warsaw");

        var before = CronPlanner.Plan(trigger, Utc(3, 27, 8, 0, 0), Utc(3, 28, 8, 0, 1));
        before.Due.ShouldBe(Utc(3, 28, 8));
        before.Next.ShouldBe(Utc(3, 29, 7));

        var after = CronPlanner.Plan(trigger, Utc(3, 29, 7), Utc(3, 30, 7, 0, 5));
        after.Due.ShouldBe(Utc(3, 30, 7));

        // And back on 25 October 2026.
        CronPlanner.Plan(trigger, Utc(10, 24, 7), Utc(10, 24, 7, 0, 1)).Next.ShouldBe(Utc(10, 25, 8));
    }

    [Fact]
    public void Plan_TimeInTheSkippedDstHour_FiresOnceThatNight()
    {
        // 02:30 does not exist in Warsaw on 29 March 2026 (02:00 → 03:00): the fire still happens once, at 03:00 CEST.
        var plan = CronPlanner.Plan(Trigger("30 2 * * *", "Europe/Warsaw"), Utc(3, 28, 1, 30), Utc(3, 29, 2, 0));

        plan.Due.ShouldBe(Utc(3, 29, 1, 0));
        plan.Next.ShouldBe(Utc(3, 30, 0, 30));
    }
}
