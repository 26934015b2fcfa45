using Microsoft.Extensions.Logging;

namespace RulesEngine.Activities.SmartRecruiters;

/// <summary>Log messages of the connector. Credentials appear only as fingerprints.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4001, EventName = "SmartRecruitersClientCreated", Level = LogLevel.Debug,
        Message = "SmartRecruiters client for {BaseUrl} ({AuthKind}, credential {Fingerprint}) created")]
    public static partial void ClientCreated(ILogger logger, string baseUrl, string authKind, string fingerprint);

    [LoggerMessage(EventId = 4002, EventName = "SmartRecruitersRetry", Level = LogLevel.Information,
        Message = "SmartRecruiters call (credential {Fingerprint}) retry {Attempt} after status {StatusCode} {Exception}, waiting {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string fingerprint, int attempt, int statusCode, string? exception, double delayMs);

    [LoggerMessage(EventId = 4003, EventName = "SmartRecruitersUnchanged", Level = LogLevel.Debug,
        Message = "{Activity}: nothing to change for candidate {CandidateId}")]
    public static partial void Unchanged(ILogger logger, string activity, string candidateId);
}
