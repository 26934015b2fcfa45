using RulesEngine.Activities.SmartRecruiters.Webhooks;
using RulesEngine.Host.Features.SmartRecruiters;
using RulesEngine.Host.Infrastructure;
using RulesEngine.Persistence.Inbox;

namespace RulesEngine.Host.Features.Hooks;

/// <summary>
/// <c>/hooks/{tenant}/smartrecruiters</c>: SmartRecruiters webhook deliveries. Answers the activation handshake, checks
/// the signature against the tenant connection's secret keys (when it has any), stores the delivery (deduplicated by
/// <c>event-id</c>) and acknowledges with 202 at once; the matching workflows start right after.
/// </summary>
public static class SmartRecruitersHookEndpoints
{
    private const int MaxBodyBytes = 1_048_576;

    public static IEndpointRouteBuilder MapSmartRecruitersHookEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/hooks/{tenantId}/smartrecruiters", HandleAsync)
            .WithTags("Hooks")
            .WithName("SmartRecruitersWebhook")
            .WithSummary("SmartRecruiters webhook deliveries: handshake, signature check, deduplication, 202.")
            .AllowAnonymous();
        return app;
    }

    internal static async Task<IResult> HandleAsync(
        HttpContext http, string tenantId, TenantSmartRecruitersConnections connections, IWebhookInboxStore inbox, InboxProcessor processor, CancellationToken cancellationToken)
    {
        var connection = await connections.FindAsync(tenantId, "smartrecruiters", cancellationToken).ConfigureAwait(false);
        if (connection is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"tenant '{tenantId}' has no SmartRecruiters connection", type: ProblemTypes.NotFound);
        }

        // Activation handshake: echo the secret back.
        if (http.Request.Headers.TryGetValue("X-Hook-Secret", out var hookSecret) && !string.IsNullOrEmpty(hookSecret))
        {
            http.Response.Headers["X-Hook-Secret"] = hookSecret.ToString();
            return TypedResults.Ok();
        }

        var body = await HookEndpoints.ReadBodyAsync(http.Request, MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, detail: $"the body is larger than {MaxBodyBytes} bytes", type: ProblemTypes.Validation);
        }

        var headers = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        if (connection.WebhookSecretKeys.Count > 0 && !WebhookSignatureVerifier.Verify(connection.WebhookSecretKeys, body, headers))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, detail: "the smartrecruiters-signature does not match any active secret key", type: ProblemTypes.Validation);
        }

        var eventId = headers.GetValueOrDefault(SmartRecruitersDelivery.EventIdHeader);
        var delivery = new TriggerDelivery(http.Request.Method, headers, []);
        var added = await inbox.TryAddAsync(new NewWebhookInboxItem(
            tenantId, InboxSources.SmartRecruiters, string.IsNullOrEmpty(eventId) ? Guid.NewGuid().ToString("n") : eventId, delivery.Serialize(), body), cancellationToken).ConfigureAwait(false);
        if (added.IsNew)
        {
            processor.ProcessInBackground(added.Item);
        }

        return TypedResults.Accepted((string?)null, new { eventId, duplicate = !added.IsNew });
    }
}
