using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using RulesEngine.Activities.Timers;
using RulesEngine.Host.Features.Runs;
using RulesEngine.Persistence.Schedules;
using RulesEngine.Persistence.Triggers;
using RulesEngine.Persistence.Workflows;

namespace RulesEngine.Host.Features.Schedules;

/// <summary>
/// Fires published cron triggers. Every host runs it; a fire is claimed in the database by a unique key
/// (trigger + fire time), so on several hosts each fire runs exactly once. The last fire of each trigger is kept, so a
/// restart catches up (or skips) missed fires per the trigger's misfire policy.
/// </summary>
/// <remarks>
/// The schedule lives in memory (re-read from the trigger index every 10 s for publishes and other hosts' changes) and
/// the scheduler sleeps until the next due time rather than polling. All fires due at one moment are committed in one
/// transaction (claims, last fires, instances), then queued for the workers; the versions they run are read a few
/// seconds ahead, so a fire costs no database round trip of its own.
/// </remarks>
internal sealed partial class CronScheduler(
    ITriggerIndexStore triggers,
    ICronFireStore fires,
    IWorkflowDefinitionStore definitions,
    BlueprintCache blueprints,
    InstanceExecutor executor,
    RunQueue queue,
    RulesEngine.Host.Infrastructure.Telemetry.RulesEngineMetrics metrics,
    TimeProvider time,
    ILogger<CronScheduler> logger) : BackgroundService
{
    /// <summary>How often the trigger index is re-read (publishes, unpublishes, other hosts' changes).</summary>
    internal static readonly TimeSpan Refresh = TimeSpan.FromSeconds(10);

    /// <summary>Versions of triggers due within this are read ahead of their fire.</summary>
    private static readonly TimeSpan Lookahead = TimeSpan.FromSeconds(3);

    /// <summary>After a failed pass (database down), the next try waits this long instead of spinning.</summary>
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>Fires per transaction: bounds a transaction's statement parameters and lock time.</summary>
    private const int BatchSize = 128;

    private const int PrefetchParallelism = 4;

    private readonly Dictionary<string, Entry> _schedule = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Trigger, int Version), WorkflowVersion> _versions = new();
    private DateTimeOffset _refreshedAt = DateTimeOffset.MinValue;
    private Task _prefetch = Task.CompletedTask;

    /// <summary>The earliest next fire over the schedule (null: nothing scheduled).</summary>
    internal DateTimeOffset? NextDue => _schedule.Values.Min(e => e.Next);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan delay;
            try
            {
                await TickAsync(stoppingToken).ConfigureAwait(false);
                StartPrefetch(stoppingToken);
                var now = time.GetUtcNow();
                var wake = _refreshedAt + Refresh;
                if (NextDue is { } due && due < wake)
                {
                    wake = due;
                }

                // At most until the next refresh, even if the wall clock was set back meanwhile.
                delay = wake - now > Refresh ? Refresh : wake - now;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogTickFailed(logger, ex);
                delay = RetryDelay;
            }

            if (delay > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        await _prefetch.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>One pass: refresh the trigger list now and then, fire what is due.</summary>
    internal async Task TickAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now - _refreshedAt >= Refresh || now < _refreshedAt)
        {
            await RefreshAsync(cancellationToken).ConfigureAwait(false);
            _refreshedAt = now;
        }

        var due = _schedule.Values.Where(e => e.Next is { } next && next <= now).ToList();
        if (due.Count == 0)
        {
            return;
        }

        await LoadLastFiresAsync(due, cancellationToken).ConfigureAwait(false);
        var plans = due.Select(e => (Entry: e, Plan: e.LastFire is { } last ? CronPlanner.Plan(e.Trigger, last, now) : null)).ToList();

        // Versions not read ahead (a catch-up after a restart, a trigger published a moment ago) are read together.
        var missing = plans.Where(p => p.Plan?.Due is not null && !_versions.ContainsKey((p.Entry.Trigger.Id, p.Entry.Trigger.Version))).Select(p => p.Entry.Trigger).ToList();
        if (missing.Count > 0)
        {
            await Parallel.ForEachAsync(missing, new ParallelOptions { MaxDegreeOfParallelism = PrefetchParallelism, CancellationToken = cancellationToken }, async (trigger, ct) =>
                await VersionAsync(trigger, ct).ConfigureAwait(false)).ConfigureAwait(false);
        }

        var planned = plans.Select(p => Prepare(p.Entry, p.Plan, now)).ToList();

        foreach (var chunk in planned.Where(p => p.Commit is not null).Chunk(BatchSize))
        {
            var outcomes = await fires.CommitAsync([.. chunk.Select(p => p.Commit!)], cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < chunk.Length; i++)
            {
                Completed(chunk[i], outcomes[i]);
            }
        }

        foreach (var p in planned)
        {
            p.Entry.Next = p.Next;
            if (p.Next is not { } next || next - now > Lookahead)
            {
                _versions.TryRemove((p.Entry.Trigger.Id, p.Entry.Trigger.Version), out _);
            }
        }
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var entries = await triggers.ListByKindAsync(TriggerKinds.Cron, cancellationToken).ConfigureAwait(false);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in entries)
        {
            var id = $"{row.TenantId}/{row.DefinitionId}/{row.ActivityId}";
            if (_schedule.TryGetValue(id, out var known) && known.Source == (row.Version, row.Key, row.SettingsJson))
            {
                seen.Add(id);
                continue; // unchanged: not parsed again
            }

            if (CronTrigger.From(row) is not { Enabled: true } trigger)
            {
                continue;
            }

            seen.Add(id);

            // New or changed: due at once, so the next pass plans it from its last fire (catching up if needed).
            _schedule[id] = new Entry(trigger, (row.Version, row.Key, row.SettingsJson)) { LastFire = known?.LastFire, Next = DateTimeOffset.MinValue };
        }

        foreach (var gone in _schedule.Keys.Where(k => !seen.Contains(k)).ToList())
        {
            _versions.TryRemove((gone, _schedule[gone].Trigger.Version), out _);
            _schedule.Remove(gone);
        }
    }

    /// <summary>Reads the recorded last fire of triggers this host has not planned yet (new, or after a restart).</summary>
    private async Task LoadLastFiresAsync(List<Entry> due, CancellationToken cancellationToken)
    {
        var unknown = due.Where(e => e.LastFire is null).ToList();
        if (unknown.Count == 0)
        {
            return;
        }

        var recorded = await fires.GetLastFiresAsync([.. unknown.Select(e => e.Key)], cancellationToken).ConfigureAwait(false);
        foreach (var entry in unknown)
        {
            if (recorded.TryGetValue(entry.Key, out var last))
            {
                entry.LastFire = last;
            }
        }
    }

    /// <summary>What a due trigger commits: a fire with its prepared instance, or only its last fire.</summary>
    private Planned Prepare(Entry entry, CronPlan? plan, DateTimeOffset now)
    {
        var trigger = entry.Trigger;
        if (plan is null)
        {
            // First sight of this trigger: fires count from now on (nothing was missed before it was published).
            var first = CronPlanner.Plan(trigger, now, now);
            return new Planned(entry, first.Next, new CronFireCommit { Trigger = entry.Key, LastFire = now }, null);
        }

        if (plan.Due is not { } at)
        {
            // Missed fires skipped by policy: remember that they are past.
            return new Planned(entry, plan.Next, plan.Occurrences > 0 ? new CronFireCommit { Trigger = entry.Key, LastFire = now } : null, null);
        }

        try
        {
            var version = _versions.GetValueOrDefault((trigger.Id, trigger.Version))
                ?? throw new WorkflowNotRunnableException($"version {trigger.Version} of '{trigger.DefinitionId}' no longer exists");
            var prepared = executor.Prepare(trigger.TenantId, version, new RunRequest
            {
                Body = new JsonObject { ["fireTime"] = at, ["cronExpression"] = trigger.Expression, ["timeZone"] = trigger.TimeZone ?? "UTC" },
                TriggerActivityId = trigger.ActivityId,
                TriggerKind = "cron",
            });
            var commit = new CronFireCommit { Trigger = entry.Key, LastFire = at, Instance = prepared.Instance, SkipWhileRunning = trigger.Overlap == CronOverlapPolicy.Skip };
            return new Planned(entry, plan.Next, commit, prepared);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Not runnable (or its state could not be built): the fire is used up, as a run that failed to start would
            // be; recorded, so that neither this trigger is retried every pass nor the other due fires wait for it.
            LogFireFailed(logger, trigger.TenantId, trigger.DefinitionId, ex.Message);
            return new Planned(entry, plan.Next, new CronFireCommit { Trigger = entry.Key, LastFire = at }, null);
        }
    }

    private void Completed(Planned planned, CronFireOutcome outcome)
    {
        var commit = planned.Commit!;
        var trigger = planned.Entry.Trigger;
        planned.Entry.LastFire = commit.LastFire;
        switch (outcome)
        {
            case CronFireOutcome.Started when planned.Run is { } run:
                executor.Created(run);
                var lateness = time.GetUtcNow() - commit.LastFire;
                metrics.CronFired(trigger.TenantId, trigger.DefinitionId, lateness);
                LogFired(logger, trigger.TenantId, trigger.DefinitionId, commit.LastFire, run.InstanceId, lateness.TotalMilliseconds);
                queue.Enqueue(new RunTicket(trigger.TenantId, run.InstanceId));
                break;
            case CronFireOutcome.SkippedRunning:
                LogFireSkipped(logger, trigger.TenantId, trigger.DefinitionId, commit.LastFire);
                break;
            default:
                break; // recorded only, or another host fired it
        }
    }

    private async ValueTask<WorkflowVersion?> VersionAsync(CronTrigger trigger, CancellationToken cancellationToken)
    {
        if (_versions.TryGetValue((trigger.Id, trigger.Version), out var cached))
        {
            return cached;
        }

        var version = await definitions.GetVersionAsync(trigger.TenantId, trigger.DefinitionId, trigger.Version, cancellationToken).ConfigureAwait(false);
        if (version is not null)
        {
            _versions[(trigger.Id, trigger.Version)] = version;
        }

        return version;
    }

    /// <summary>Reads (and compiles), off the firing path, the versions of triggers due within <see cref="Lookahead"/>.</summary>
    private void StartPrefetch(CancellationToken cancellationToken)
    {
        if (!_prefetch.IsCompleted)
        {
            return;
        }

        var horizon = time.GetUtcNow() + Lookahead;
        var soon = _schedule.Values
            .Where(e => e.Next is { } next && next <= horizon && !_versions.ContainsKey((e.Trigger.Id, e.Trigger.Version)))
            .Select(e => e.Trigger)
            .ToList();
        if (soon.Count == 0)
        {
            return;
        }

        _prefetch = Task.Run(
            () => Parallel.ForEachAsync(soon, new ParallelOptions { MaxDegreeOfParallelism = PrefetchParallelism, CancellationToken = cancellationToken }, async (trigger, ct) =>
            {
                try
                {
                    // Compiled ahead too, so that preparing the fire's instance finds the blueprint ready.
                    if (await VersionAsync(trigger, ct).ConfigureAwait(false) is { } version)
                    {
                        blueprints.Get(trigger.TenantId, version);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogPrefetchFailed(logger, trigger.TenantId, trigger.DefinitionId, ex); // the fire reads its version itself
                }
            }),
            CancellationToken.None);
    }

    /// <summary>A scheduled trigger: what it is, when it last fired (null: not read yet) and when it fires next.</summary>
    private sealed class Entry(CronTrigger trigger, (int Version, string Key, string? Settings) source)
    {
        public CronTrigger Trigger { get; } = trigger;

        public CronTriggerKey Key { get; } = new(trigger.TenantId, trigger.DefinitionId, trigger.ActivityId);

        /// <summary>The index row it was read from, to skip parsing unchanged rows on refresh.</summary>
        public (int Version, string Key, string? Settings) Source { get; } = source;

        public DateTimeOffset? LastFire { get; set; }

        public DateTimeOffset? Next { get; set; }
    }

    /// <summary>A due trigger's plan: what to commit (null: nothing), the run to queue when started, the next fire.</summary>
    private sealed record Planned(Entry Entry, DateTimeOffset? Next, CronFireCommit? Commit, PreparedRun? Run);

    [LoggerMessage(EventId = 3501, EventName = "CronFired", Level = LogLevel.Information, Message = "Cron fire {FireTime} of {DefinitionId} (tenant {TenantId}) started instance {InstanceId}, {LatenessMs} ms late")]
    private static partial void LogFired(ILogger logger, string tenantId, string definitionId, DateTimeOffset fireTime, string instanceId, double latenessMs);

    [LoggerMessage(EventId = 3502, EventName = "CronFireSkipped", Level = LogLevel.Information, Message = "Cron fire {FireTime} of {DefinitionId} (tenant {TenantId}) skipped: the previous run is still running")]
    private static partial void LogFireSkipped(ILogger logger, string tenantId, string definitionId, DateTimeOffset fireTime);

    [LoggerMessage(EventId = 3503, EventName = "CronFireFailed", Level = LogLevel.Warning, Message = "Cron fire of {DefinitionId} (tenant {TenantId}) could not start: {Reason}")]
    private static partial void LogFireFailed(ILogger logger, string tenantId, string definitionId, string reason);

    [LoggerMessage(EventId = 3504, EventName = "CronTickFailed", Level = LogLevel.Warning, Message = "A cron scheduler pass failed")]
    private static partial void LogTickFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3505, EventName = "CronPrefetchFailed", Level = LogLevel.Debug, Message = "Reading ahead the version of {DefinitionId} (tenant {TenantId}), due soon, failed")]
    private static partial void LogPrefetchFailed(ILogger logger, string tenantId, string definitionId, Exception exception);
}
