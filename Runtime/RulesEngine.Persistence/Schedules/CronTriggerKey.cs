namespace RulesEngine.Persistence.Schedules;

/// <summary>Identifies one cron trigger: the <c>Elsa.Cron</c> activity of a tenant's workflow definition.</summary>
public sealed record CronTriggerKey(string TenantId, string DefinitionId, string ActivityId)
{
    /// <summary>The snapshot scope that holds the trigger's last fire.</summary>
    internal string StateScope => $"cron:{DefinitionId}:{ActivityId}";

    /// <summary>The once-key of one fire: unique per trigger and fire time, so each fire is claimed by one host only.</summary>
    internal string ClaimKey(DateTimeOffset fireTime) =>
        $"{TenantId}/{DefinitionId}/{ActivityId}@{fireTime.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture)}";
}
