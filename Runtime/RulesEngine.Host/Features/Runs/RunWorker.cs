using Microsoft.Extensions.Options;

namespace RulesEngine.Host.Features.Runs;

/// <summary>A bounded pool of workers that run queued instances.</summary>
internal sealed partial class RunWorker(RunQueue queue, InstanceExecutor executor, IOptions<RunsOptions> options, ILogger<RunWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.Workers).Select(_ => WorkAsync(stoppingToken)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            RunTicket ticket;
            try
            {
                ticket = await queue.ReadAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                await executor.ContinueAsync(ticket.TenantId, ticket.InstanceId, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The instance keeps its lease until it lapses; recovery picks it up again.
                LogRunFailed(logger, ticket.TenantId, ticket.InstanceId, ex);
            }
            finally
            {
                queue.Done(ticket);
            }
        }
    }

    [LoggerMessage(EventId = 3101, EventName = "RunFailed", Level = LogLevel.Error, Message = "Running instance {InstanceId} of tenant {TenantId} failed")]
    private static partial void LogRunFailed(ILogger logger, string tenantId, string instanceId, Exception exception);
}
