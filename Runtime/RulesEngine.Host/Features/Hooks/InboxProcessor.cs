using RulesEngine.Host.Features.Runs;
using RulesEngine.Persistence.Inbox;

namespace RulesEngine.Host.Features.Hooks;

/// <summary>Turns a stored trigger request into a run: the same path for the receiver (at once) and the inbox worker (after a crash).</summary>
internal sealed class InboxProcessor(IWorkflowDispatcher dispatcher)
{
    public Task<InstanceOutcome?> ProcessAsync(WebhookInboxItem item, bool inline, CancellationToken cancellationToken)
    {
        if (!InboxSources.TryParseHttp(item.Source, out var definitionId, out var activityId))
        {
            throw new InvalidOperationException($"inbox item {item.Id} has an unknown source '{item.Source}'");
        }

        var delivery = TriggerDelivery.Deserialize(item.HeadersJson);
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

    private async Task<InstanceOutcome?> StartAsync(string tenantId, string definitionId, RunRequest request, bool inline, CancellationToken cancellationToken)
    {
        if (inline)
        {
            return await dispatcher.RunAsync(tenantId, definitionId, request, cancellationToken).ConfigureAwait(false);
        }

        var id = await dispatcher.EnqueueAsync(tenantId, definitionId, request, cancellationToken).ConfigureAwait(false);
        return new InstanceOutcome(id, null);
    }
}
