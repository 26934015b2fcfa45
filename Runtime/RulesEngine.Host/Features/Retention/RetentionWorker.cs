using Microsoft.Extensions.Options;
using RulesEngine.Host.Infrastructure;
using RulesEngine.Persistence.Inbox;
using RulesEngine.Persistence.Journal;

namespace RulesEngine.Host.Features.Retention;

/// <summary>Prunes the journal (by age and rows per workflow) and processed inbox items in the background.</summary>
internal sealed partial class RetentionWorker(IJournalStore journal, IWebhookInboxStore inbox, TimeProvider time, IOptions<RetentionOptions> options, ILogger<RetentionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, time);
        do
        {
            try
            {
                var o = options.Value;
                var journalRows = await journal.PruneAsync(new JournalRetention(o.JournalDays, o.JournalMaxRowsPerWorkflow), stoppingToken).ConfigureAwait(false);
                var inboxRows = await inbox.PurgeAsync(time.GetUtcNow().AddDays(-o.InboxDays), stoppingToken).ConfigureAwait(false);
                LogPruned(logger, journalRows, inboxRows);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPruneFailed(logger, ex);
            }
        }
        while (await timer.TickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(EventId = 3601, EventName = "Pruned", Level = LogLevel.Debug, Message = "Retention pruned {JournalRows} journal entries and {InboxRows} inbox items")]
    private static partial void LogPruned(ILogger logger, int journalRows, int inboxRows);

    [LoggerMessage(EventId = 3602, EventName = "PruneFailed", Level = LogLevel.Warning, Message = "Retention pruning failed")]
    private static partial void LogPruneFailed(ILogger logger, Exception exception);
}
