namespace RulesEngine.Persistence.Schedules;

/// <summary>
/// The cron scheduler's state: the last fire of each trigger and the claim of each fire (so that on several hosts every
/// fire runs once). Fires are committed in batches, one transaction each: claim, last fire and instance together, so a
/// claimed fire always has its instance and a burst of due triggers costs one round trip, not several per fire.
/// </summary>
public interface ICronFireStore
{
    /// <summary>The recorded last fire of each of <paramref name="triggers"/> that has one.</summary>
    Task<IReadOnlyDictionary<CronTriggerKey, DateTimeOffset>> GetLastFiresAsync(IReadOnlyCollection<CronTriggerKey> triggers, CancellationToken cancellationToken = default);

    /// <summary>
    /// Commits <paramref name="fires"/> in one transaction and returns the outcome of each, in order. A fire another host
    /// has claimed (before or concurrently) is <see cref="CronFireOutcome.ClaimedElsewhere"/> and writes nothing.
    /// </summary>
    Task<IReadOnlyList<CronFireOutcome>> CommitAsync(IReadOnlyList<CronFireCommit> fires, CancellationToken cancellationToken = default);
}
