using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using RulesEngine.Host.Infrastructure;
using RulesEngine.Activities.Timers;
using RulesEngine.Host.Features.Runs;
using RulesEngine.Persistence.Instances;
using RulesEngine.Persistence.OnceKeys;
using RulesEngine.Persistence.Snapshots;
using RulesEngine.Persistence.Triggers;

namespace RulesEngine.Host.Features.Schedules;

/// <summary>
/// Fires published cron triggers. Every host runs it; a fire is claimed in the database by a unique key
/// (trigger + fire time), so on several hosts each fire runs exactly once. The last fire of each trigger is kept, so a
/// restart catches up (or skips) missed fires per the trigger's misfire policy.
/// </summary>
internal sealed partial class CronScheduler(
    ITriggerIndexStore triggers,
    IOnceKeyStore claims,
    ISnapshotStore snapshots,
    IWorkflowInstanceStore instances,
    IWorkflowDispatcher dispatcher,
    RulesEngine.Host.Infrastructure.Telemetry.RulesEngineMetrics metrics,
    TimeProvider time,
    IOptions<RunsOptions> options,
    ILogger<CronScheduler> logger) : BackgroundService
{
    private const string ClaimScope = "cron-fire";
    private const int FireParallelism = 8;
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(10);
    private readonly Dictionary<string, (CronTrigger Trigger, DateTimeOffset? Next)> _schedule = new(StringComparer.Ordinal);
    private DateTimeOffset _refreshedAt = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // 500 ms: a 100 ms tick halved the median lateness but doubled idle CPU and did not lower p99 (bench/RESULTS-cron.md),
        // which the per-fire database round trips dominate.
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(Math.Min(options.Value.PollInterval.TotalMilliseconds, 500)), time);
        do
        {
            try
            {
                await TickAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogTickFailed(logger, ex);
            }
        }
        while (await timer.TickAsync(stoppingToken).ConfigureAwait(false));
    }


    /// <summary>One pass: refresh the trigger list now and then, fire what is due.</summary>
    internal async Task TickAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now - _refreshedAt >= Refresh)
        {
            await RefreshAsync(now, cancellationToken).ConfigureAwait(false);
            _refreshedAt = now;
        }

        // Due triggers are independent (each fire is claimed by its own key): several are fired at once, so that
        // thousands of triggers due in the same second are not late by the sum of their database round trips.
        var due = _schedule.Where(e => e.Value.Next is { } next && next <= now).Select(e => e.Value.Trigger).ToList();
        var planned = new System.Collections.Concurrent.ConcurrentBag<(CronTrigger Trigger, DateTimeOffset? Next)>();
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = FireParallelism, CancellationToken = cancellationToken }, async (trigger, ct) =>
        {
            var plan = await PlanAsync(trigger, now, ct).ConfigureAwait(false);
            if (plan.Due is { } at)
            {
                await FireAsync(trigger, at, ct).ConfigureAwait(false);
            }

            planned.Add((trigger, plan.Next));
        }).ConfigureAwait(false);
        foreach (var (trigger, next) in planned)
        {
            _schedule[trigger.Id] = (trigger, next);
        }
    }

    private async Task RefreshAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var current = (await triggers.ListByKindAsync(TriggerKinds.Cron, cancellationToken).ConfigureAwait(false))
            .Select(CronTrigger.From).OfType<CronTrigger>().Where(t => t.Enabled).ToDictionary(t => t.Id, StringComparer.Ordinal);
        foreach (var gone in _schedule.Keys.Where(k => !current.ContainsKey(k)).ToList())
        {
            _schedule.Remove(gone);
        }

        foreach (var (id, trigger) in current)
        {
            if (_schedule.TryGetValue(id, out var known) && known.Trigger == trigger)
            {
                continue;
            }

            // New or changed: due at once so the first tick plans it from its last fire (catching up if needed).
            _schedule[id] = (trigger, now);
        }
    }

    private async Task<CronPlan> PlanAsync(CronTrigger trigger, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var json = await snapshots.GetAsync(trigger.TenantId, Scope(trigger), cancellationToken).ConfigureAwait(false);
        if (json is null || JsonNode.Parse(json)?["lastFire"]?.GetValue<DateTimeOffset>() is not { } last)
        {
            // First sight of this trigger: fires count from now on (nothing was missed before it was published).
            await RecordAsync(trigger, now, cancellationToken).ConfigureAwait(false);
            return CronPlanner.Plan(trigger, now, now);
        }

        var plan = CronPlanner.Plan(trigger, last, now);
        if (plan.Due is null && plan.Occurrences > 0)
        {
            // Missed fires skipped by policy: remember that they are past.
            await RecordAsync(trigger, now, cancellationToken).ConfigureAwait(false);
        }

        return plan;
    }

    private async Task FireAsync(CronTrigger trigger, DateTimeOffset due, CancellationToken cancellationToken)
    {
        var key = $"{trigger.Id}@{due.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)}";
        if (!await claims.TryAddAsync(trigger.TenantId, ClaimScope, key, cancellationToken).ConfigureAwait(false))
        {
            await RecordAsync(trigger, due, cancellationToken).ConfigureAwait(false);
            return; // another host fired it
        }

        await RecordAsync(trigger, due, cancellationToken).ConfigureAwait(false);
        if (trigger.Overlap == CronOverlapPolicy.Skip && await IsRunningAsync(trigger, cancellationToken).ConfigureAwait(false))
        {
            LogFireSkipped(logger, trigger.TenantId, trigger.DefinitionId, due);
            return;
        }

        try
        {
            var body = new JsonObject { ["fireTime"] = due, ["cronExpression"] = trigger.Expression, ["timeZone"] = trigger.TimeZone ?? "UTC" };
            var instanceId = await dispatcher.EnqueueAsync(trigger.TenantId, trigger.DefinitionId, new RunRequest
            {
                Body = body,
                TriggerActivityId = trigger.ActivityId,
                TriggerKind = "cron",
            }, cancellationToken).ConfigureAwait(false);
            var lateness = time.GetUtcNow() - due;
            metrics.CronFired(trigger.TenantId, trigger.DefinitionId, lateness);
            LogFired(logger, trigger.TenantId, trigger.DefinitionId, due, instanceId, lateness.TotalMilliseconds);
        }
        catch (WorkflowNotRunnableException ex)
        {
            LogFireFailed(logger, trigger.TenantId, trigger.DefinitionId, ex.Message);
        }
    }

    private async Task<bool> IsRunningAsync(CronTrigger trigger, CancellationToken cancellationToken)
    {
        var page = await instances.ListAsync(trigger.TenantId, new InstanceQuery { DefinitionId = trigger.DefinitionId, Status = WorkflowStatus.Running, PageSize = 1 }, cancellationToken).ConfigureAwait(false);
        return page.Items.Any(i => i.TriggerKind == "cron");
    }

    private Task RecordAsync(CronTrigger trigger, DateTimeOffset fire, CancellationToken cancellationToken) =>
        snapshots.SetAsync(trigger.TenantId, Scope(trigger), JsonSerializer.Serialize(new { lastFire = fire }), cancellationToken);

    private static string Scope(CronTrigger trigger) => $"cron:{trigger.DefinitionId}:{trigger.ActivityId}";

    [LoggerMessage(EventId = 3501, EventName = "CronFired", Level = LogLevel.Information, Message = "Cron fire {FireTime} of {DefinitionId} (tenant {TenantId}) started instance {InstanceId}, {LatenessMs} ms late")]
    private static partial void LogFired(ILogger logger, string tenantId, string definitionId, DateTimeOffset fireTime, string instanceId, double latenessMs);

    [LoggerMessage(EventId = 3502, EventName = "CronFireSkipped", Level = LogLevel.Information, Message = "Cron fire {FireTime} of {DefinitionId} (tenant {TenantId}) skipped: the previous run is still running")]
    private static partial void LogFireSkipped(ILogger logger, string tenantId, string definitionId, DateTimeOffset fireTime);

    [LoggerMessage(EventId = 3503, EventName = "CronFireFailed", Level = LogLevel.Warning, Message = "Cron fire of {DefinitionId} (tenant {TenantId}) could not start: {Reason}")]
    private static partial void LogFireFailed(ILogger logger, string tenantId, string definitionId, string reason);

    [LoggerMessage(EventId = 3504, EventName = "CronTickFailed", Level = LogLevel.Warning, Message = "A cron scheduler pass failed")]
    private static partial void LogTickFailed(ILogger logger, Exception exception);
}
