using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using RulesEngine.Core.Sdk;
using RulesEngine.Host.Features.Auth;
using RulesEngine.Host.Infrastructure;

namespace RulesEngine.Host.Features.Events;

/// <summary><c>POST /api/tenants/{tenantId}/events/{eventName}</c>: publishes an event as Elsa.PublishEvent does.</summary>
public static class EventEndpoints
{
    public static IEndpointRouteBuilder MapEventEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/tenants/{tenantId}/events").WithTags("Events").RequireTenantAccess()
            .AddEndpointFilter(HostEndpoints.RequireExistingTenant)
            .MapPost("/{eventName}", PublishAsync)
            .WithName("PublishEvent")
            .WithSummary("Resumes the tenant's instances waiting for the event (with the correlation id, when given) and starts the workflows it triggers.");
        return app;
    }

    internal static async Task<Results<Ok<EventDeliveryResult>, ValidationProblem, ProblemHttpResult>> PublishAsync(
        string tenantId, string eventName, HttpRequest request, EventDelivery delivery, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(eventName))
        {
            return HostEndpoints.Invalid("eventName", "the event name is empty");
        }

        PublishEventRequest? body = null;
        var text = await HostEndpoints.ReadBodyTextAsync(request, cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrWhiteSpace(text))
        {
            try
            {
                body = JsonSerializer.Deserialize<PublishEventRequest>(text, JsonSerializerOptions.Web);
            }
            catch (JsonException ex)
            {
                return HostEndpoints.InvalidJson($"the body is not a valid event: {ex.Message}");
            }
        }

        var correlationId = string.IsNullOrEmpty(body?.CorrelationId) ? null : body.CorrelationId;
        var result = await delivery.DeliverAsync(new EventPublication(eventName, correlationId, body?.Payload) { TenantId = tenantId }, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(result);
    }
}
