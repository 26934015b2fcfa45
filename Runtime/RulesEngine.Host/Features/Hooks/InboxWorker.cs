using Microsoft.Extensions.Options;
using RulesEngine.Host.Infrastructure;
using RulesEngine.Host.Features.Runs;
using RulesEngine.Persistence.Inbox;

namespace RulesEngine.Host.Features.Hooks;

/// <summary>
/// Starts the runs of stored trigger requests that no receiver finished (the node crashed between storing the request
/// and creating the instance), so nothing a trigger accepted is lost.
/// </summary>
internal sealed partial class InboxWorker(IWebhookInboxStore inbox, InboxProcessor processor, TimeProvider time, IOptions<RunsOptions> options, ILogger<InboxWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        while (await timer.TickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                while (await inbox.TryLeaseNextAsync(options.Value.NodeId, Lease, stoppingToken).ConfigureAwait(false) is { } item)
                {
                    await ProcessAsync(item, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogInboxFailed(logger, ex);
            }
        }
    }

    private async Task ProcessAsync(WebhookInboxItem item, CancellationToken cancellationToken)
    {
        try
        {
            var outcome = await processor.ProcessAsync(item, inline: false, cancellationToken).ConfigureAwait(false);
            await inbox.CompleteAsync(item.TenantId, item.Id, options.Value.NodeId, outcome?.InstanceId, cancellationToken).ConfigureAwait(false);
        }
        catch (WorkflowNotRunnableException ex)
        {
            await inbox.FailAsync(item.TenantId, item.Id, options.Value.NodeId, ex.Message, retry: false, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await inbox.FailAsync(item.TenantId, item.Id, options.Value.NodeId, ex.Message, retry: item.Attempts < 5, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 3401, EventName = "InboxFailed", Level = LogLevel.Warning, Message = "Processing the trigger inbox failed")]
    private static partial void LogInboxFailed(ILogger logger, Exception exception);
}
