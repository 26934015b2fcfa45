using Cronos;

namespace RulesEngine.Activities.Timers;

/// <summary>Parses 5-field and 6-field (seconds) cron expressions and computes fire times in a time zone, across DST changes.</summary>
public static class CronSchedule
{
    public static CronExpression Parse(string expression)
    {
        var trimmed = (expression ?? string.Empty).Trim();
        var fields = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        try
        {
            return fields switch
            {
                5 => CronExpression.Parse(trimmed, CronFormat.Standard),
                6 => CronExpression.Parse(trimmed, CronFormat.IncludeSeconds),
                _ => throw new FormatException($"'{trimmed}' has {fields} fields; use 5 (minute hour day month weekday) or 6 (with seconds first)"),
            };
        }
        catch (CronFormatException ex)
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
        Parse(expression).GetNextOccurrence(after, Zone(timeZone));
}
