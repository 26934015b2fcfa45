using Quartz;
using RulesEngine.Activities.Timers;
using RulesEngine.Persistence.Triggers;

namespace RulesEngine.Host.Features.Schedules;

/// <summary>
/// Keeps Quartz's jobs in step with the trigger index: one job and Quartz trigger per published, enabled <c>Elsa.Cron</c>
/// and <c>Elsa.Timer</c>.
/// A definition is synced right after its index is rebuilt (publish, retract, delete); the whole index is reconciled when
/// the host starts, which repairs whatever a crash between the index write and the sync left behind.
/// </summary>
/// <remarks>
/// The index stays the source of truth and Quartz's store (the same database) is derived from it. Every host may sync;
/// writes are replace-or-delete by key, so two hosts doing the same sync agree.
/// </remarks>
internal sealed partial class CronJobs(ISchedulerFactory schedulers, ITriggerIndexStore index, ILogger<CronJobs> logger) : IHostedService
{
    /// <summary>Jobs written per scheduler call at start, which bounds one Quartz transaction.</summary>
    private const int Chunk = 500;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        List<TriggerIndexEntry> entries =
        [
            .. await index.ListByKindAsync(TriggerKinds.Cron, cancellationToken).ConfigureAwait(false),
            .. await index.ListByKindAsync(TriggerKinds.Timer, cancellationToken).ConfigureAwait(false),
        ];
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var stored = await ListAsync(scheduler, group: null, cancellationToken).ConfigureAwait(false);
        var changes = await ApplyAsync(scheduler, Desired(entries), stored, cancellationToken).ConfigureAwait(false);
        LogReconciled(logger, entries.Count, changes.Scheduled, changes.Updated, changes.Removed);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Brings the jobs of one definition in line with its (just rebuilt) index entries.</summary>
    public async Task SyncAsync(string tenantId, string definitionId, CancellationToken cancellationToken)
    {
        var entries = await index.ListAsync(tenantId, definitionId, cancellationToken).ConfigureAwait(false);
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var prefix = definitionId + "/";
        var stored = (await ListAsync(scheduler, tenantId, cancellationToken).ConfigureAwait(false))
            .Where(s => s.Key.Name.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(s => s.Key, s => s.Value);
        await ApplyAsync(scheduler, Desired(entries.Where(e => e.Kind is TriggerKinds.Cron or TriggerKinds.Timer)), stored, cancellationToken).ConfigureAwait(false);
    }

    private static Dictionary<JobKey, CronTrigger> Desired(IEnumerable<TriggerIndexEntry> entries) =>
        entries.Select(CronTrigger.From).OfType<CronTrigger>().Where(t => t.Enabled).ToDictionary(CronJobData.JobKeyOf);

    /// <summary>Stored jobs with their signatures, of one tenant or of all.</summary>
    private static async Task<Dictionary<JobKey, string?>> ListAsync(IScheduler scheduler, string? group, CancellationToken cancellationToken)
    {
        var query = new JobQuery { Take = PagedQuery.All };
        if (group is not null)
        {
            query = query with { Group = GroupMatcher<JobKey>.GroupEquals(group) };
        }

        var page = await scheduler.QueryJobs(query, cancellationToken).ConfigureAwait(false);
        return page.Items.ToDictionary(h => h.Key, h => h.Description);
    }

    private async Task<(int Scheduled, int Updated, int Removed)> ApplyAsync(
        IScheduler scheduler, Dictionary<JobKey, CronTrigger> desired, Dictionary<JobKey, string?> stored, CancellationToken cancellationToken)
    {
        // A schedule with no fire left (a year in the past) is not scheduled: Quartz refuses such a trigger, and one refusal
        // would fail the publish or the whole start-up reconcile.
        var now = scheduler.TimeProvider.GetUtcNow();
        foreach (var (key, trigger) in desired.Where(d => d.Value.Interval is null && CronSchedule.Next(d.Value.Expression, d.Value.TimeZone, now) is null).ToList())
        {
            LogNeverFires(logger, trigger.TenantId, trigger.DefinitionId, trigger.Expression);
            desired.Remove(key);
        }

        var gone = stored.Keys.Where(k => !desired.ContainsKey(k)).ToList();
        foreach (var chunk in gone.Chunk(Chunk))
        {
            await scheduler.DeleteJobs(chunk, cancellationToken).ConfigureAwait(false);
        }

        var reschedule = new List<CronTrigger>();
        var update = new List<CronTrigger>();
        foreach (var (key, trigger) in desired)
        {
            if (!stored.TryGetValue(key, out var signature) || CronJobData.ScheduleSignatureOf(signature) != CronJobData.ScheduleSignature(trigger))
            {
                reschedule.Add(trigger);
            }
            else if (signature != CronJobData.Signature(trigger))
            {
                update.Add(trigger);
            }
        }

        foreach (var chunk in reschedule.Chunk(Chunk))
        {
            var jobs = chunk.ToDictionary(CronJobData.Job, t => (IReadOnlyCollection<ITrigger>)[CronJobData.Trigger(t, scheduler.TimeProvider)]);
            await scheduler.ScheduleJobs(jobs, ScheduleJobOptions.Replacing, cancellationToken).ConfigureAwait(false);
        }

        // Same schedule, new version or overlap policy: the job is replaced, its trigger (and so its next fire) kept.
        foreach (var trigger in update)
        {
            await scheduler.AddJob(CronJobData.Job(trigger), AddJobOptions.ReplacingAndStoringNonDurable, cancellationToken).ConfigureAwait(false);
        }

        return (reschedule.Count, update.Count, gone.Count);
    }

    [LoggerMessage(EventId = 3511, EventName = "CronNeverFires", Level = LogLevel.Warning,
        Message = "Cron trigger of {DefinitionId} (tenant {TenantId}) is not scheduled: '{Expression}' has no fire time left")]
    private static partial void LogNeverFires(ILogger logger, string tenantId, string definitionId, string expression);

    [LoggerMessage(EventId = 3510, EventName = "CronJobsReconciled", Level = LogLevel.Information,
        Message = "Cron jobs reconciled with {Entries} trigger index entries: {Scheduled} scheduled, {Updated} updated, {Removed} removed")]
    private static partial void LogReconciled(ILogger logger, int entries, int scheduled, int updated, int removed);
}
