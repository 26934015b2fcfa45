using System.Text.Json.Nodes;
using RulesEngine.Activities.Timers;
using RulesEngine.Persistence.Triggers;

namespace RulesEngine.Host.Features.Schedules;

/// <summary>One published <c>Elsa.Cron</c> trigger with its settings read from the trigger index.</summary>
internal sealed record CronTrigger(
    string TenantId, string DefinitionId, int Version, string ActivityId, string Expression, string? TimeZone,
    CronMisfirePolicy Misfire, CronOverlapPolicy Overlap, bool Enabled)
{
    public string Id => $"{TenantId}/{DefinitionId}/{ActivityId}";

    /// <summary>Reads a trigger index entry; null when its expression does not parse (publishing already refused those).</summary>
    public static CronTrigger? From(TriggerIndexEntry entry)
    {
        var settings = JsonNode.Parse(entry.SettingsJson ?? "{}") as JsonObject ?? [];
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

    private static string? Text(JsonObject settings, string name) => settings[name] switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v => v.ToJsonString(),
        _ => null,
    };
}
