namespace RulesEngine.Persistence.Triggers;

/// <summary>Well-known values of <see cref="TriggerIndexEntry.Kind"/>.</summary>
public static class TriggerKinds
{
    public const string Cron = "cron";
    public const string Http = "http";
    public const string SmartRecruiters = "smartrecruiters";
    public const string Timer = "timer";
}
