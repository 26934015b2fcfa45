using Quartz;

namespace RulesEngine.Activities.Timers;

/// <summary>
/// Reads cron expressions the way the scheduler (Quartz.NET) fires them: 5 fields as Unix crontab (minute hour day month
/// weekday, Sunday 0 or 7), 6 or 7 fields as Quartz (seconds first, optional year, Sunday 1, <c>?</c> allowed), which is
/// also what Elsa's Quartz scheduling writes. Fire times are computed in a time zone, across DST changes.
/// </summary>
public static class CronSchedule
{
    /// <summary>Parses <paramref name="expression"/>; the result has no time zone yet (see <see cref="Next"/>).</summary>
    public static CronExpression Parse(string expression)
    {
        var trimmed = (expression ?? string.Empty).Trim();
        var fields = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var format = fields switch
        {
            5 => CronFormat.Unix,
            6 or 7 => CronFormat.Quartz,
            _ => throw new FormatException($"'{trimmed}' has {fields} fields; use 5 (minute hour day month weekday) or 6-7 (Quartz: seconds first, optional year)"),
        };
        try
        {
            return CronExpression.Parse(trimmed, format);
        }
        catch (FormatException ex)
        {
            throw new FormatException($"'{trimmed}' is not a valid cron expression: {ex.Message}", ex);
        }
    }

    public static TimeZoneInfo Zone(string? timeZone)
    {
        if (string.IsNullOrWhiteSpace(timeZone))
        {
            return TimeZoneInfo.Utc;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(timeZone.Trim());
        }
        catch (TimeZoneNotFoundException ex)
        {
            throw new FormatException($"'{timeZone}' is not a known time zone (use an IANA id such as Europe/Warsaw)", ex);
        }
    }

    /// <summary>The next fire time strictly after <paramref name="after"/>, or null when the expression never fires again.</summary>
    public static DateTimeOffset? Next(string expression, string? timeZone, DateTimeOffset after) =>
        Parse(expression).WithTimeZone(Zone(timeZone)).GetNextValidTimeAfter(after);
}
