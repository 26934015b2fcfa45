using System.Text.Json.Nodes;
using RulesEngine.Core.Execution;
using RulesEngine.Core.Sdk;
using RulesEngine.Host.Features.Runs;
using RulesEngine.Persistence.Bookmarks;
using RulesEngine.Persistence.Triggers;
using RulesEngine.Persistence.Workflows;

namespace RulesEngine.Host.Features.Events;

/// <summary>
/// The host's <see cref="IEventPublisher"/> (Elsa.PublishEvent, and the events API): resumes every instance of the tenant
/// waiting in an <c>Elsa.Event</c> for the name (and the correlation id, when given), then starts the published
/// workflows whose start activity is an <c>Elsa.Event</c> of that name. Resumes run inline, so the caller knows which
/// instances took the event. An instance busy in another run (here or on another node) is tried again for a few
/// seconds, as its run usually ends by then; one still busy after that is reported as <c>busy</c>, so the caller can
/// publish again instead of the event being silently lost.
/// </summary>
internal sealed partial class EventDelivery(
    IServiceProvider services,
    IBookmarkStore bookmarks,
    ITriggerIndexStore triggers,
    IWorkflowDefinitionStore definitions,
    TimeProvider time,
    ILogger<EventDelivery> logger) : IEventPublisher
{
    /// <summary>Pauses between tries at a busy instance: about 3 s in all, longer than most runs between two waits.</summary>
    private static readonly TimeSpan[] BusyRetryDelays = [.. new[] { 50, 100, 200, 400, 800, 1600 }.Select(ms => TimeSpan.FromMilliseconds(ms))];

    public async ValueTask PublishAsync(EventPublication publication, CancellationToken cancellationToken) =>
        await DeliverAsync(publication, cancellationToken).ConfigureAwait(false);

    public async Task<EventDeliveryResult> DeliverAsync(EventPublication publication, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publication);
        var tenantId = publication.TenantId;
        // Resolved on use: the executor's blueprints build activities (PublishEvent) that depend on this publisher.
        var executor = services.GetRequiredService<InstanceExecutor>();
        var resumed = new List<string>();
        var busy = new List<IGrouping<string, Bookmark>>();
        var waiting = await bookmarks.FindAsync(tenantId, EventBookmarks.BookmarkName, PayloadHash.Compute(publication.EventName), publication.CorrelationId, cancellationToken).ConfigureAwait(false);
        foreach (var instance in waiting.GroupBy(b => b.InstanceId, StringComparer.Ordinal))
        {
            if (publication.IsLocal != (instance.Key == publication.SourceInstanceId))
            {
                continue;
            }

            if (instance.Key == publication.SourceInstanceId)
            {
                // The publisher is running now and holds its own lease; its other branches cannot be resumed from inside.
                LogBusy(logger, tenantId, publication.EventName, instance.Key);
                continue;
            }

            switch (await TryResumeAsync(executor, tenantId, instance, publication, cancellationToken).ConfigureAwait(false))
            {
                case true:
                    resumed.Add(instance.Key);
                    break;
                case null:
                    busy.Add(instance);
                    break;
            }
        }

        foreach (var delay in BusyRetryDelays)
        {
            if (busy.Count == 0)
            {
                break;
            }

            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            var stillBusy = new List<IGrouping<string, Bookmark>>();
            foreach (var instance in busy)
            {
                switch (await TryResumeAsync(executor, tenantId, instance, publication, cancellationToken).ConfigureAwait(false))
                {
                    case true:
                        resumed.Add(instance.Key);
                        break;
                    case null:
                        stillBusy.Add(instance);
                        break;
                }
            }

            busy = stillBusy;
        }

        foreach (var instance in busy)
        {
            LogBusy(logger, tenantId, publication.EventName, instance.Key);
        }

        var started = publication.IsLocal ? [] : await StartTriggeredAsync(publication, cancellationToken).ConfigureAwait(false);
        LogDelivered(logger, tenantId, publication.EventName, resumed.Count, started.Count);
        return new EventDeliveryResult(publication.EventName, publication.CorrelationId, resumed, started, [.. busy.Select(b => b.Key)]);
    }

    /// <summary>
    /// Resumes the instance's waiting bookmarks: true when it took the event, false when it no longer waits for it
    /// (another delivery resumed it meanwhile), null when it is busy in another run.
    /// </summary>
    private static async Task<bool?> TryResumeAsync(InstanceExecutor executor, string tenantId, IGrouping<string, Bookmark> instance, EventPublication publication, CancellationToken cancellationToken)
    {
        bool? took = false;
        foreach (var bookmark in instance)
        {
            var engineId = bookmark.Id[(bookmark.InstanceId.Length + 1)..];
            var state = await executor.ResumeAsync(tenantId, instance.Key, engineId, publication.Payload?.DeepClone(), cancellationToken).ConfigureAwait(false);
            if (state is null)
            {
                return took == true ? true : null;
            }

            took = true;
        }

        return took;
    }

    private async Task<List<string>> StartTriggeredAsync(EventPublication publication, CancellationToken cancellationToken)
    {
        var started = new List<string>();
        var blueprints = services.GetRequiredService<BlueprintCache>();
        var dispatcher = services.GetRequiredService<IWorkflowDispatcher>();
        foreach (var entry in await triggers.FindAsync(publication.TenantId, EventBookmarks.BookmarkName, publication.EventName, cancellationToken).ConfigureAwait(false))
        {
            var published = await definitions.GetPublishedVersionAsync(publication.TenantId, entry.DefinitionId, cancellationToken).ConfigureAwait(false);
            if (published is null || published.Version != entry.Version
                || blueprints.Get(publication.TenantId, published).Nodes.GetValueOrDefault(entry.ActivityId) is not { } node || !CanStart(node))
            {
                continue;
            }

            try
            {
                started.Add(await dispatcher.EnqueueAsync(publication.TenantId, entry.DefinitionId, new RunRequest
                {
                    Body = publication.Payload?.DeepClone(),
                    TriggerActivityId = entry.ActivityId,
                    TriggerKind = "event",
                    CorrelationId = publication.CorrelationId,
                }, cancellationToken).ConfigureAwait(false));
            }
            catch (WorkflowNotRunnableException ex)
            {
                LogNotStarted(logger, publication.TenantId, publication.EventName, entry.DefinitionId, ex.Message);
            }
        }

        return started;
    }

    /// <summary>
    /// An Event in the middle of a flow waits; only one that begins the flow (nothing leads to it, or Elsa's
    /// <c>canStartWorkflow</c>) starts new instances.
    /// </summary>
    private static bool CanStart(BlueprintNode node) =>
        node.Node.CanStartWorkflow || node.Parent is null || node.Parent.Node.Connections.All(c => c.TargetActivityId != node.Id);

    [LoggerMessage(EventId = 3401, EventName = "EventDelivered", Level = LogLevel.Information,
        Message = "Event {EventName} of tenant {TenantId} resumed {Resumed} instance(s) and started {Started}")]
    private static partial void LogDelivered(ILogger logger, string tenantId, string eventName, int resumed, int started);

    [LoggerMessage(EventId = 3402, EventName = "EventTargetBusy", Level = LogLevel.Warning,
        Message = "Event {EventName} of tenant {TenantId} could not resume instance {InstanceId}: it is running elsewhere")]
    private static partial void LogBusy(ILogger logger, string tenantId, string eventName, string instanceId);

    [LoggerMessage(EventId = 3403, EventName = "EventWorkflowNotStarted", Level = LogLevel.Warning,
        Message = "Event {EventName} of tenant {TenantId} did not start {DefinitionId}: {Reason}")]
    private static partial void LogNotStarted(ILogger logger, string tenantId, string eventName, string definitionId, string reason);
}
