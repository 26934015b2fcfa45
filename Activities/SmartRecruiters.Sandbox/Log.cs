using Microsoft.Extensions.Logging;

namespace SmartRecruiters.Sandbox;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, EventName = "WebhookDeliveryAttempt", Level = LogLevel.Debug,
        Message = "Webhook {EventName} ({EventId}) attempt {Attempt} answered {StatusCode}")]
    public static partial void DeliveryAttempt(ILogger logger, string eventName, string eventId, int attempt, int statusCode);

    [LoggerMessage(EventId = 2, EventName = "WebhookHandshake", Level = LogLevel.Information,
        Message = "Webhook subscription {SubscriptionId} handshake {Outcome}")]
    public static partial void Handshake(ILogger logger, string subscriptionId, string outcome);

    [LoggerMessage(EventId = 3, EventName = "SandboxListening", Level = LogLevel.Information,
        Message = "SmartRecruiters sandbox listening on {BaseUrl}")]
    public static partial void Listening(ILogger logger, string baseUrl);
}
