using RulesEngine.Persistence.Instances;

namespace RulesEngine.Persistence.Schedules;

/// <summary>
/// One cron fire to claim (with its instance), or only a trigger's last fire to record, committed together with the
/// other fires of a scheduler pass by <see cref="ICronFireStore.CommitAsync"/>.
/// </summary>
public sealed record CronFireCommit
{
    public required CronTriggerKey Trigger { get; init; }

    /// <summary>The fire time (claimed fires) or the time the trigger's schedule is known to be past (recorded only).</summary>
    public required DateTimeOffset LastFire { get; init; }

    /// <summary>The instance to create when the fire is claimed here; null: nothing is claimed, the last fire is only recorded.</summary>
    public WorkflowInstance? Instance { get; init; }

    /// <summary>Overlap policy "skip": no instance while a cron-started instance of the same workflow is running.</summary>
    public bool SkipWhileRunning { get; init; }
}
