using System.Text.Json.Nodes;
using RulesEngine.Activities.Timers;
using RulesEngine.Persistence.Triggers;

namespace RulesEngine.Host.Features.Schedules;

/// <summary>
/// One published scheduled trigger with its settings read from the trigger index: an <c>Elsa.Cron</c> (an expression in a
/// time zone) or an <c>Elsa.Timer</c> (every <see cref="Interval"/>; its first fire one interval after it is scheduled).
/// </summary>
internal sealed record CronTrigger(
    string TenantId, string DefinitionId, int Version, string ActivityId, string Expression, string? TimeZone,
    CronMisfirePolicy Misfire, CronOverlapPolicy Overlap, bool Enabled)
{
    public string Id => $"{TenantId}/{DefinitionId}/{ActivityId}";

    /// <summary>Set for an <c>Elsa.Timer</c>: it fires at this interval and <see cref="Expression"/> is unused.</summary>
    public TimeSpan? Interval { get; init; }

    /// <summary>Reads a trigger index entry; null when its schedule does not parse (publishing already refused those).</summary>
    public static CronTrigger? From(TriggerIndexEntry entry)
    {
        var settings = JsonNode.Parse(entry.SettingsJson ?? "{}") as JsonObject ?? [];
        if (entry.Kind == TriggerKinds.Timer)
        {
            return Timer(entry, settings);
        }

        var expression = Text(settings, "cronExpression") ?? entry.Key;
        try
        {
            CronSchedule.Parse(expression);
            CronSchedule.Zone(Text(settings, "timeZone"));
        }
        catch (FormatException)
        {
            return null;
        }

        return new CronTrigger(
            entry.TenantId, entry.DefinitionId, entry.Version, entry.ActivityId, expression, Text(settings, "timeZone"),
            Enum.TryParse<CronMisfirePolicy>(Text(settings, "misfirePolicy"), ignoreCase: true, out var misfire) ? misfire : CronMisfirePolicy.RunOnce,
            Enum.TryParse<CronOverlapPolicy>(Text(settings, "overlapPolicy"), ignoreCase: true, out var overlap) ? overlap : CronOverlapPolicy.Skip,
            !string.Equals(Text(settings, "enabled"), "false", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Timers start a run at every tick, as Elsa's do: missed ticks are caught up once, overlapping runs allowed.</summary>
    private static CronTrigger? Timer(TriggerIndexEntry entry, JsonObject settings)
    {
        TimeSpan interval;
        try
        {
            interval = RulesEngine.Core.Execution.ValueConverter.Convert<TimeSpan>(settings["interval"]?.DeepClone() ?? JsonValue.Create("00:15:00"));
        }
        catch (InvalidCastException)
        {
            return null;
        }

        return interval < RulesEngine.Activities.Timers.Timer.MinimumInterval ? null : new CronTrigger(
            entry.TenantId, entry.DefinitionId, entry.Version, entry.ActivityId, string.Empty, null,
            CronMisfirePolicy.RunOnce, CronOverlapPolicy.Allow, Enabled: true) { Interval = interval };
    }

    private static string? Text(JsonObject settings, string name) => settings[name] switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v => v.ToJsonString(),
        _ => null,
    };
}
