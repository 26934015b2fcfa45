namespace RulesEngine.Persistence.Schedules;

/// <summary>What <see cref="ICronFireStore.CommitAsync"/> did with one <see cref="CronFireCommit"/>.</summary>
public enum CronFireOutcome
{
    /// <summary>No fire: only the trigger's last fire was recorded.</summary>
    Recorded,

    /// <summary>Claimed here: the last fire is recorded and the instance created.</summary>
    Started,

    /// <summary>Claimed here, but a cron-started instance of the workflow was still running: no instance (overlap policy "skip").</summary>
    SkippedRunning,

    /// <summary>Another host had claimed this fire: nothing written.</summary>
    ClaimedElsewhere,
}
