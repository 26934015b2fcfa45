using System.Text.Json.Nodes;
using Quartz;
using RulesEngine.Activities.Timers;
using RulesEngine.Host.Features.Runs;
using RulesEngine.Persistence.Schedules;
using RulesEngine.Persistence.Workflows;

namespace RulesEngine.Host.Features.Schedules;

/// <summary>
/// What Quartz runs when an <c>Elsa.Cron</c> or <c>Elsa.Timer</c> trigger fires: claims the fire and creates its instance in one transaction,
/// then queues the instance for the workers.
/// </summary>
/// <remarks>
/// Quartz (clustered on PostgreSQL and SQL Server) already fires each trigger on one node. The claim, a unique key per
/// trigger and fire time, makes that hold when Quartz runs a fire again: a node that died after the commit has its
/// in-flight fires recovered by another node (the job asks for recovery), and those find the fire claimed.
/// </remarks>
internal sealed partial class CronFireJob(
    ICronFireStore fires,
    IWorkflowDefinitionStore definitions,
    InstanceExecutor executor,
    RunQueue queue,
    RulesEngine.Host.Infrastructure.Telemetry.RulesEngineMetrics metrics,
    TimeProvider time,
    ILogger<CronFireJob> logger) : IJob
{
    /// <summary>A commit that fails (database unreachable) is tried again this often before the fire is given up.</summary>
    private static readonly TimeSpan[] Retries = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(5)];

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        if (CronJobData.Read(context.MergedJobDataMap) is not { } trigger)
        {
            LogUnreadable(logger, context.JobDetail.Key.ToString());
            return;
        }

        var at = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        var key = new CronTriggerKey(trigger.TenantId, trigger.DefinitionId, trigger.ActivityId);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await FireAsync(trigger, key, at, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException && attempt < Retries.Length && IsTransient(ex))
            {
                LogRetrying(logger, trigger.TenantId, trigger.DefinitionId, at, ex);
                await Task.Delay(Retries[attempt], time, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Not runnable (version gone, state not buildable) or the database stayed away: the fire is used up, as a
                // run that failed to start would be, and the trigger goes on to its next fire.
                LogFireFailed(logger, trigger.TenantId, trigger.DefinitionId, at, ex);
                return;
            }
        }
    }

    private async Task FireAsync(CronTrigger trigger, CronTriggerKey key, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var version = await definitions.GetVersionAsync(trigger.TenantId, trigger.DefinitionId, trigger.Version, cancellationToken).ConfigureAwait(false)
            ?? throw new WorkflowNotRunnableException($"version {trigger.Version} of '{trigger.DefinitionId}' no longer exists");
        var prepared = executor.Prepare(trigger.TenantId, version, new RunRequest
        {
            Body = trigger.Interval is { } interval
                ? new JsonObject { ["fireTime"] = at, ["interval"] = interval.ToString("c", System.Globalization.CultureInfo.InvariantCulture) }
                : new JsonObject { ["fireTime"] = at, ["cronExpression"] = trigger.Expression, ["timeZone"] = trigger.TimeZone ?? "UTC" },
            TriggerActivityId = trigger.ActivityId,
            TriggerKind = trigger.Interval is null ? "cron" : "timer",
        });
        var commit = new CronFireCommit { Trigger = key, LastFire = at, Instance = prepared.Instance, SkipWhileRunning = trigger.Overlap == CronOverlapPolicy.Skip };
        var outcome = (await fires.CommitAsync([commit], cancellationToken).ConfigureAwait(false))[0];
        switch (outcome)
        {
            case CronFireOutcome.Started:
                executor.Created(prepared);
                var lateness = time.GetUtcNow() - at;
                metrics.CronFired(trigger.TenantId, trigger.DefinitionId, lateness);
                LogFired(logger, trigger.TenantId, trigger.DefinitionId, at, prepared.InstanceId, lateness.TotalMilliseconds);
                queue.Enqueue(new RunTicket(trigger.TenantId, prepared.InstanceId));
                break;
            case CronFireOutcome.SkippedRunning:
                LogFireSkipped(logger, trigger.TenantId, trigger.DefinitionId, at);
                break;
            default:
                LogClaimedElsewhere(logger, trigger.TenantId, trigger.DefinitionId, at);
                break;
        }
    }

    /// <summary>Database errors are worth another try; a workflow that cannot run is not.</summary>
    private static bool IsTransient(Exception ex) => ex is System.Data.Common.DbException or TimeoutException
        || ex.InnerException is System.Data.Common.DbException or TimeoutException;

    [LoggerMessage(EventId = 3501, EventName = "CronFired", Level = LogLevel.Information, Message = "Cron fire {FireTime} of {DefinitionId} (tenant {TenantId}) started instance {InstanceId}, {LatenessMs} ms late")]
    private static partial void LogFired(ILogger logger, string tenantId, string definitionId, DateTimeOffset fireTime, string instanceId, double latenessMs);

    [LoggerMessage(EventId = 3502, EventName = "CronFireSkipped", Level = LogLevel.Information, Message = "Cron fire {FireTime} of {DefinitionId} (tenant {TenantId}) skipped: the previous run is still running")]
    private static partial void LogFireSkipped(ILogger logger, string tenantId, string definitionId, DateTimeOffset fireTime);

    [LoggerMessage(EventId = 3503, EventName = "CronFireFailed", Level = LogLevel.Warning, Message = "Cron fire {FireTime} of {DefinitionId} (tenant {TenantId}) could not start")]
    private static partial void LogFireFailed(ILogger logger, string tenantId, string definitionId, DateTimeOffset fireTime, Exception exception);

    [LoggerMessage(EventId = 3504, EventName = "CronFireRetrying", Level = LogLevel.Warning, Message = "Cron fire {FireTime} of {DefinitionId} (tenant {TenantId}) could not be committed; trying again")]
    private static partial void LogRetrying(ILogger logger, string tenantId, string definitionId, DateTimeOffset fireTime, Exception exception);

    [LoggerMessage(EventId = 3505, EventName = "CronFireClaimedElsewhere", Level = LogLevel.Debug, Message = "Cron fire {FireTime} of {DefinitionId} (tenant {TenantId}) was already claimed")]
    private static partial void LogClaimedElsewhere(ILogger logger, string tenantId, string definitionId, DateTimeOffset fireTime);

    [LoggerMessage(EventId = 3506, EventName = "CronJobUnreadable", Level = LogLevel.Warning, Message = "Quartz job {JobKey} carries no readable cron trigger; it is ignored until the next reconcile replaces it")]
    private static partial void LogUnreadable(ILogger logger, string jobKey);
}
