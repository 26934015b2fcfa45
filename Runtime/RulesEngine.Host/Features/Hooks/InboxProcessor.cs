using Microsoft.Extensions.Options;
using RulesEngine.Activities.SmartRecruiters.Client;
using RulesEngine.Activities.SmartRecruiters.Webhooks;
using RulesEngine.Host.Features.Runs;
using RulesEngine.Host.Features.SmartRecruiters;
using RulesEngine.Persistence.Inbox;
using RulesEngine.Persistence.Triggers;
using RulesEngine.Persistence.Workflows;

namespace RulesEngine.Host.Features.Hooks;

/// <summary>
/// Turns a stored trigger request into runs: the same path for the receiver (at once) and the inbox worker (after a
/// crash). An HTTP request starts its one workflow; a SmartRecruiters delivery starts every published workflow whose
/// <c>SmartRecruiters.Event</c> filter matches it.
/// </summary>
internal sealed partial class InboxProcessor(
    IWorkflowDispatcher dispatcher,
    IWebhookInboxStore inbox,
    ITriggerIndexStore triggers,
    IWorkflowDefinitionStore definitions,
    BlueprintCache blueprints,
    TenantSmartRecruitersConnections connections,
    ISmartRecruitersClientFactory clients,
    IOptions<RunsOptions> options,
    ILogger<InboxProcessor> logger)
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    public Task<InstanceOutcome?> ProcessAsync(WebhookInboxItem item, bool inline, CancellationToken cancellationToken)
    {
        var delivery = TriggerDelivery.Deserialize(item.HeadersJson);
        if (item.Source == InboxSources.SmartRecruiters)
        {
            return StartSmartRecruitersAsync(item, delivery, cancellationToken);
        }

        if (!InboxSources.TryParseHttp(item.Source, out var definitionId, out var activityId))
        {
            throw new InvalidOperationException($"inbox item {item.Id} has an unknown source '{item.Source}'");
        }

        var request = new RunRequest
        {
            Body = TriggerDelivery.ParseBody(item.Body),
            Headers = delivery.Headers,
            Query = delivery.Query,
            TriggerActivityId = activityId,
            TriggerKind = "http",
        };
        return StartAsync(item.TenantId, definitionId, request, inline, cancellationToken);
    }

    /// <summary>Processes a just-stored item after the receiver has answered; the inbox worker covers a crash meanwhile.</summary>
    public void ProcessInBackground(WebhookInboxItem item) => _ = Task.Run(async () =>
    {
        var node = options.Value.NodeId;
        try
        {
            if (!await inbox.TryLeaseAsync(item.TenantId, item.Id, node, Lease, CancellationToken.None).ConfigureAwait(false))
            {
                return;
            }

            var outcome = await ProcessAsync(item, inline: false, CancellationToken.None).ConfigureAwait(false);
            await inbox.CompleteAsync(item.TenantId, item.Id, node, outcome?.InstanceId, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogProcessingFailed(logger, item.TenantId, item.Id, ex);
            await inbox.FailAsync(item.TenantId, item.Id, node, ex.Message, retry: true, CancellationToken.None).ConfigureAwait(false);
        }
    });

    private async Task<InstanceOutcome?> StartSmartRecruitersAsync(WebhookInboxItem item, TriggerDelivery stored, CancellationToken cancellationToken)
    {
        var body = TriggerDelivery.ParseBody(item.Body);
        var delivery = SmartRecruitersDelivery.From(body, stored.Headers);
        var connection = await connections.FindAsync(item.TenantId, "smartrecruiters", cancellationToken).ConfigureAwait(false);
        InstanceOutcome? first = null;
        foreach (var entry in (await triggers.ListAsync(item.TenantId, null, cancellationToken).ConfigureAwait(false)).Where(t => t.Kind == TriggerKinds.SmartRecruiters))
        {
            var published = await definitions.GetPublishedVersionAsync(item.TenantId, entry.DefinitionId, cancellationToken).ConfigureAwait(false);
            if (published is null || !blueprints.Get(item.TenantId, published).Nodes.TryGetValue(entry.ActivityId, out var trigger))
            {
                continue;
            }

            var settings = SmartRecruitersEventFilterSettings.FromActivity(trigger.Node);
            var matches = connection is null || !settings.NeedsApplicationState
                ? SmartRecruitersEventFilter.Matches(settings, delivery)
                : await SmartRecruitersEventFilter.MatchesAsync(settings, delivery, clients.GetClient(connection), cancellationToken).ConfigureAwait(false);
            if (!matches)
            {
                continue;
            }

            var outcome = await StartAsync(item.TenantId, entry.DefinitionId, new RunRequest
            {
                Body = body,
                Headers = stored.Headers,
                TriggerActivityId = entry.ActivityId,
                TriggerKind = "smartrecruiters",
            }, inline: false, cancellationToken).ConfigureAwait(false);
            first ??= outcome;
        }

        return first;
    }

    private async Task<InstanceOutcome?> StartAsync(string tenantId, string definitionId, RunRequest request, bool inline, CancellationToken cancellationToken)
    {
        if (inline)
        {
            return await dispatcher.RunAsync(tenantId, definitionId, request, cancellationToken).ConfigureAwait(false);
        }

        var id = await dispatcher.EnqueueAsync(tenantId, definitionId, request, cancellationToken).ConfigureAwait(false);
        return new InstanceOutcome(id, null);
    }

    [LoggerMessage(EventId = 3402, EventName = "InboxItemFailed", Level = LogLevel.Warning, Message = "Trigger request {ItemId} of tenant {TenantId} failed; it will be retried")]
    private static partial void LogProcessingFailed(ILogger logger, string tenantId, string itemId, Exception exception);
}
