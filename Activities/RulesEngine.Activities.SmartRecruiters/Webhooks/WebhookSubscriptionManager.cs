using System.Text.Json.Nodes;
using RulesEngine.Activities.SmartRecruiters.Client;
using RulesEngine.Activities.SmartRecruiters.Connections;

namespace RulesEngine.Activities.SmartRecruiters.Webhooks;

/// <summary>
/// Manages a credential's webhook subscriptions for the runtime: create, activate (SmartRecruiters then calls the
/// callback with <c>X-Hook-Secret</c>, which the receiver must echo), rotate the secret key, list all pages, delete.
/// Calls go through the credential's shared client (limiter, retries).
/// </summary>
public sealed class WebhookSubscriptionManager(ISmartRecruitersClientFactory clients)
{
    public async Task<WebhookSubscription> CreateAsync(SmartRecruitersConnection connection, Uri callbackUrl, IEnumerable<string> events, JsonObject? callbackAuthentication, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callbackUrl);
        ArgumentNullException.ThrowIfNull(events);
        var body = new JsonObject
        {
            ["callbackUrl"] = callbackUrl.AbsoluteUri,
            ["events"] = new JsonArray([.. events.Select(e => (JsonNode)e)]),
        };
        if (callbackAuthentication is not null)
        {
            body["callbackAuthentication"] = callbackAuthentication.DeepClone();
        }

        var json = await Client(connection).Webhooks.CreateAsync(body, cancellationToken).ConfigureAwait(false);
        return WebhookSubscription.From(json);
    }

    /// <summary>Asks SmartRecruiters to run the handshake; fails (424) unless the callback echoed the hook secret.</summary>
    public Task ActivateAsync(SmartRecruitersConnection connection, string subscriptionId, CancellationToken cancellationToken) =>
        Client(connection).Webhooks.ActivateAsync(subscriptionId, cancellationToken);

    /// <summary>Generates a new secret key; the previous one keeps signing for a day, so keep both until then.</summary>
    public async Task<string> RotateSecretKeyAsync(SmartRecruitersConnection connection, string subscriptionId, CancellationToken cancellationToken)
    {
        var json = await Client(connection).Webhooks.CreateSecretKeyAsync(subscriptionId, cancellationToken).ConfigureAwait(false);
        return json["secretKey"]?.ToString() ?? throw new InvalidOperationException("SmartRecruiters returned no secretKey.");
    }

    public async Task<WebhookSubscription> GetAsync(SmartRecruitersConnection connection, string subscriptionId, CancellationToken cancellationToken) =>
        WebhookSubscription.From(await Client(connection).Webhooks.GetAsync(subscriptionId, cancellationToken).ConfigureAwait(false));

    /// <summary>Every subscription of the credential, all pages.</summary>
    public async Task<IReadOnlyList<WebhookSubscription>> ListAsync(SmartRecruitersConnection connection, CancellationToken cancellationToken)
    {
        var all = await Client(connection).FetchAllSubscriptionsAsync(cancellationToken).ConfigureAwait(false);
        return [.. all.OfType<JsonObject>().Select(WebhookSubscription.From)];
    }

    public Task DeleteAsync(SmartRecruitersConnection connection, string subscriptionId, CancellationToken cancellationToken) =>
        Client(connection).Webhooks.DeleteAsync(subscriptionId, cancellationToken);

    /// <summary>The answer to SmartRecruiters' activation call: echo <c>X-Hook-Secret</c> with 200.</summary>
    public const string HookSecretHeader = "X-Hook-Secret";

    private ISmartRecruitersClient Client(SmartRecruitersConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return clients.GetClient(connection);
    }
}
