using System.Net;
using System.Text.Json.Nodes;
using RulesEngine.Activities.SmartRecruiters.Client;

namespace RulesEngine.Activities.SmartRecruiters.Webhooks;

/// <summary>Decides whether a delivery starts (or resumes) a workflow whose <c>SmartRecruiters.Event</c> trigger has these settings.</summary>
public static class SmartRecruitersEventFilter
{
    /// <summary>
    /// Event name, echo marker and job filter are read from the delivery. Status and sub-status filters need the
    /// application's current state (deliveries carry ids only): pass it as <paramref name="application"/>, or use
    /// <see cref="MatchesAsync"/>; without it such a filter does not match.
    /// </summary>
    public static bool Matches(SmartRecruitersEventFilterSettings settings, SmartRecruitersDelivery delivery, JsonObject? application = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(delivery);
        if (settings.Events.Count > 0 && !settings.Events.Any(e => NameMatches(e, delivery.EventName)))
        {
            return false;
        }

        if (settings.IgnoreOwnChanges && delivery.IsOwnChange)
        {
            return false;
        }

        if (!string.IsNullOrEmpty(settings.JobId) && !string.Equals(settings.JobId, delivery.JobId, StringComparison.Ordinal))
        {
            return false;
        }

        if (!settings.NeedsApplicationState)
        {
            return true;
        }

        if (application is null)
        {
            return false;
        }

        return (string.IsNullOrEmpty(settings.Status) || string.Equals(settings.Status, application["status"]?.ToString(), StringComparison.OrdinalIgnoreCase))
            && (string.IsNullOrEmpty(settings.SubStatus) || string.Equals(settings.SubStatus, application["subStatus"]?.ToString(), StringComparison.Ordinal));
    }

    /// <summary>Like <see cref="Matches"/>, fetching the application when a status filter needs it.</summary>
    public static async Task<bool> MatchesAsync(SmartRecruitersEventFilterSettings settings, SmartRecruitersDelivery delivery, ISmartRecruitersClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(client);
        if (!Matches(settings with { Status = null, SubStatus = null }, delivery))
        {
            return false;
        }

        if (!settings.NeedsApplicationState)
        {
            return true;
        }

        if (delivery.CandidateId is not { } candidateId || delivery.JobId is not { } jobId)
        {
            return false;
        }

        try
        {
            var application = await client.Candidates.GetApplicationAsync(candidateId, jobId, cancellationToken).ConfigureAwait(false);
            return Matches(settings, delivery, application);
        }
        catch (SmartRecruitersApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    private static bool NameMatches(string pattern, string eventName) =>
        pattern == "*"
        || (pattern.EndsWith(".*", StringComparison.Ordinal) && eventName.StartsWith(pattern[..^1], StringComparison.OrdinalIgnoreCase))
        || string.Equals(pattern, eventName, StringComparison.OrdinalIgnoreCase);
}
