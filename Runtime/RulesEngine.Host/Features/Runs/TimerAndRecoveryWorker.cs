using Microsoft.Extensions.Options;
using RulesEngine.Host.Infrastructure;
using RulesEngine.Persistence.Bookmarks;
using RulesEngine.Persistence.Instances;

namespace RulesEngine.Host.Features.Runs;

/// <summary>
/// Polls for due timer bookmarks (Delay, Timer inside a workflow) and for running instances whose lease lapsed (a node
/// crashed mid-run), and continues them here.
/// </summary>
internal sealed partial class TimerAndRecoveryWorker(
    IBookmarkStore bookmarks,
    IWorkflowInstanceStore instances,
    InstanceExecutor executor,
    RunQueue queue,
    TimeProvider time,
    IOptions<RunsOptions> options,
    ILogger<TimerAndRecoveryWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        do
        {
            try
            {
                await ResumeDueTimersAsync(stoppingToken).ConfigureAwait(false);
                await RecoverOrphansAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPollFailed(logger, ex);
            }
        }
        while (await timer.TickAsync(stoppingToken).ConfigureAwait(false));
    }


    private async Task ResumeDueTimersAsync(CancellationToken cancellationToken)
    {
        foreach (var due in await bookmarks.ListDueAsync(time.GetUtcNow(), 100, cancellationToken).ConfigureAwait(false))
        {
            // The engine's bookmark id is the part after "instance:"; the row is removed when the state is saved.
            var engineId = due.Id[(due.InstanceId.Length + 1)..];
            await executor.ResumeAsync(due.TenantId, due.InstanceId, engineId, null, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RecoverOrphansAsync(CancellationToken cancellationToken)
    {
        foreach (var orphan in await instances.ListRecoverableAsync(100, cancellationToken).ConfigureAwait(false))
        {
            LogRecovering(logger, orphan.TenantId, orphan.InstanceId);
            queue.Enqueue(new RunTicket(orphan.TenantId, orphan.InstanceId));
        }
    }

    [LoggerMessage(EventId = 3201, EventName = "PollFailed", Level = LogLevel.Warning, Message = "Polling timers and orphaned instances failed")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3202, EventName = "RecoveringInstance", Level = LogLevel.Information, Message = "Continuing instance {InstanceId} of tenant {TenantId} after its lease lapsed")]
    private static partial void LogRecovering(ILogger logger, string tenantId, string instanceId);
}
