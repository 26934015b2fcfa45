namespace RulesEngine.Activities.Timers;

/// <summary>What to do with fires missed while no host was running.</summary>
public enum CronMisfirePolicy
{
    /// <summary>Run once to catch up, however many fires were missed.</summary>
    RunOnce,

    /// <summary>Skip missed fires and wait for the next one.</summary>
    Skip,
}
