using System.Text.Json;
using RulesEngine.Activities.SmartRecruiters.Activities;
using RulesEngine.Persistence.Connections;

namespace RulesEngine.Host.Features.Demo;

internal sealed partial class DemoSeeder
{
    /// <summary>
    /// Subscribes the demo tenant to the Sandbox's webhooks, as an admin would subscribe a real SmartRecruiters company:
    /// callback <c>/hooks/demo/smartrecruiters</c>, a fresh secret key stored in the connection (so deliveries are
    /// signature-checked), then the activation handshake. Changes made in the Sandbox then start the demo's
    /// <c>SmartRecruiters.Event</c> workflows. The Sandbox lives in memory, so every start of the demo subscribes anew;
    /// a failure is logged and leaves the rest of the demo working.
    /// </summary>
    private async Task SubscribeToSandboxAsync(Uri baseAddress, CancellationToken cancellationToken)
    {
        var callback = new Uri(baseAddress, $"/hooks/{TenantId}/smartrecruiters");
        try
        {
            var connection = await smartRecruiters.GetAsync(TenantId, "smartrecruiters", cancellationToken).ConfigureAwait(false);
            var existing = await subscriptions.ListAsync(connection, cancellationToken).ConfigureAwait(false);
            if (existing.Any(s => s.IsActive && s.CallbackUrl == callback.AbsoluteUri))
            {
                return;
            }

            var subscription = await subscriptions.CreateAsync(connection, callback, SmartRecruitersEvent.KnownEvents, null, cancellationToken).ConfigureAwait(false);
            var secretKey = await subscriptions.RotateSecretKeyAsync(connection, subscription.Id, cancellationToken).ConfigureAwait(false);
            var stored = await connections.GetAsync(TenantId, "smartrecruiters", cancellationToken).ConfigureAwait(false);
            await connections.UpsertAsync(TenantId, "smartrecruiters", new ConnectionUpdate
            {
                Kind = "smartrecruiters",
                Settings = stored!.Settings,
                Secrets = new Dictionary<string, string?> { ["webhookSecretKeys"] = JsonSerializer.Serialize(new[] { secretKey }) },
            }, cancellationToken).ConfigureAwait(false);
            await subscriptions.ActivateAsync(connection, subscription.Id, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Whatever the Sandbox answered, the rest of the demo (API, Designer, run now, vendor webhooks) still works.
            LogSubscriptionFailed(logger, callback.AbsoluteUri, ex);
        }
    }

    [LoggerMessage(EventId = 3303, EventName = "DemoSubscriptionFailed", Level = LogLevel.Warning, Message = "The demo could not subscribe {Callback} to the Sandbox's webhooks; SmartRecruiters events will not start workflows")]
    private static partial void LogSubscriptionFailed(ILogger logger, string callback, Exception exception);
}
