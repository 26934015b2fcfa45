using System.Text.Json.Nodes;
using RulesEngine.Activities.SmartRecruiters.Client;

namespace RulesEngine.Activities.SmartRecruiters.Webhooks;

/// <summary>
/// One webhook delivery as SmartRecruiters sends it: ids-only body plus the <c>event-*</c> headers, <c>Link</c> and the
/// echoed <c>X-RulesEngine-Origin</c> of the write that caused it.
/// </summary>
public sealed record SmartRecruitersDelivery(string EventName, string? EventId, string? EventVersion, string? Link, string? Origin, JsonNode? Body)
{
    public const string EventNameHeader = "event-name";
    public const string EventIdHeader = "event-id";
    public const string EventVersionHeader = "event-version";
    public const string LinkHeader = "Link";

    /// <summary>True for <c>application.*</c> events, whose body is <c>{job_id, candidate_id, application_id}</c>.</summary>
    public bool IsApplicationEvent => EventName.StartsWith("application.", StringComparison.OrdinalIgnoreCase);

    public bool IsJobEvent => EventName.StartsWith("job.", StringComparison.OrdinalIgnoreCase);

    public bool IsCandidateEvent => EventName.StartsWith("candidate.", StringComparison.OrdinalIgnoreCase);

    public string? JobId => IsApplicationEvent ? Field("job_id") : IsJobEvent ? Field("id") : null;

    public string? CandidateId => IsApplicationEvent ? Field("candidate_id") : IsCandidateEvent ? Field("id") : null;

    public string? ApplicationId => IsApplicationEvent ? Field("application_id") : null;

    /// <summary>The delivery echoes a write of ours (the origin marker starts with <c>rulesengine</c>).</summary>
    public bool IsOwnChange => SmartRecruitersOrigin.IsOwn(Origin);

    /// <summary>Reads a delivery from its JSON body and HTTP headers (case-insensitive names).</summary>
    public static SmartRecruitersDelivery From(JsonNode? body, IReadOnlyDictionary<string, string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        string? Header(string name)
        {
            if (headers.TryGetValue(name, out var v))
            {
                return v;
            }

            return headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
        }

        var name = Header(EventNameHeader) ?? (body?["event"] is JsonValue e && e.TryGetValue<string>(out var n) ? n : "");
        return new SmartRecruitersDelivery(name, Header(EventIdHeader), Header(EventVersionHeader), Header(LinkHeader), Header(SmartRecruitersOrigin.HeaderName), body);
    }

    private string? Field(string name) => Body is JsonObject o && o[name] is JsonValue v ? v.ToString() : null;
}
