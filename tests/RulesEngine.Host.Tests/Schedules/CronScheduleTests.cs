using RulesEngine.Activities.Timers;

namespace RulesEngine.Host.Tests.Schedules;

/// <summary>Cron expressions as the scheduler (Quartz.NET) reads them, and their fire times across DST changes.</summary>
public sealed class CronScheduleTests
{
    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0, int second = 0) => new(2026, month, day, hour, minute, second, TimeSpan.Zero);

    [Theory]
    [InlineData("0 */6 * * *", "0 0 */6 * * ?")] // Unix: minute first, seconds added
    [InlineData("0 9 * * 1-5", "0 0 9 ? * MON-FRI")] // Unix weekdays: 1 is Monday
    [InlineData("0 0 9 ? * 2", "0 0 9 ? * 2")] // Quartz weekdays: 2 is Monday (Elsa's Quartz exports)
    [InlineData("*/15 * * * * *", "*/15 * * * * *")]
    [InlineData("0 0 12 1 1 ? 2027", "0 0 12 1 1 ? 2027")]
    public void Parse_ReadsUnixAndQuartzForms(string expression, string quartz) =>
        CronSchedule.Parse(expression).CronExpressionString.ShouldBe(quartz);

    [Fact]
    public void Weekdays_AreNumberedPerDialect()
    {
        // Friday 1 May 2026: the next Monday 09:00 is 4 May, whichever dialect says "Monday".
        CronSchedule.Next("0 9 * * 1", null, Utc(5, 1, 12)).ShouldBe(Utc(5, 4, 9));
        CronSchedule.Next("0 0 9 ? * 2", null, Utc(5, 1, 12)).ShouldBe(Utc(5, 4, 9));
    }

    [Theory]
    [InlineData("* * *", "3 fields")]
    [InlineData("0 61 * * *", "not a valid cron expression")]
    [InlineData("0 0 9 ? * 2 2027 x", "8 fields")]
    public void Parse_Invalid_SaysWhatIsWrong(string expression, string message) =>
        Should.Throw<FormatException>(() => CronSchedule.Parse(expression)).Message.ShouldContain(message);

    [Fact]
    public void Zone_Unknown_NamesTheZone() =>
        Should.Throw<FormatException>(() => CronSchedule.Zone("Mars/Olympus")).Message.ShouldContain("'Mars/Olympus' is not a known time zone");

    [Fact]
    public void SixFieldExpression_HasSeconds() =>
        CronSchedule.Next("*/15 * * * * *", null, Utc(5, 1, 6, 0, 16)).ShouldBe(Utc(5, 1, 6, 0, 30));

    [Fact]
    public void DailyInATimeZone_FollowsTheDaylightSavingChanges()
    {
        // 09:00 in Warsaw is 08:00 UTC in winter and 07:00 UTC in summer; DST starts on 29 March and ends on 25 October 2026.
        CronSchedule.Next("0 9 * * *", "Europe/Warsaw", Utc(3, 28, 8, 0, 1)).ShouldBe(Utc(3, 29, 7));
        CronSchedule.Next("0 9 * * *", "Europe/Warsaw", Utc(10, 24, 7, 0, 1)).ShouldBe(Utc(10, 25, 8));
    }

    [Fact]
    public void TimeInTheSkippedOrRepeatedHour_FiresOnceThatNight()
    {
        // 02:30 does not exist in Warsaw on 29 March 2026 (02:00 → 03:00): it fires at the end of the gap, 03:00 CEST.
        CronSchedule.Next("30 2 * * *", "Europe/Warsaw", Utc(3, 28, 1, 30)).ShouldBe(Utc(3, 29, 1, 0));
        CronSchedule.Next("30 2 * * *", "Europe/Warsaw", Utc(3, 29, 1, 0)).ShouldBe(Utc(3, 30, 0, 30));

        // 02:30 happens twice on 25 October 2026 (03:00 → 02:00): it fires at the first, 00:30 UTC, and not at the second.
        CronSchedule.Next("30 2 * * *", "Europe/Warsaw", Utc(10, 24, 1, 0)).ShouldBe(Utc(10, 25, 0, 30));
        CronSchedule.Next("30 2 * * *", "Europe/Warsaw", Utc(10, 25, 0, 30)).ShouldBe(Utc(10, 26, 1, 30));
    }
}
