namespace RulesEngine.Activities.Timers;

/// <summary>What to do when a fire comes while the previous run of the same trigger is still running.</summary>
public enum CronOverlapPolicy
{
    /// <summary>Skip this fire.</summary>
    Skip,

    /// <summary>Start another run.</summary>
    Allow,
}
