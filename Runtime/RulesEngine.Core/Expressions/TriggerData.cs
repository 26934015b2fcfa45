using System.Text.Json.Nodes;

namespace RulesEngine.Core.Expressions;

/// <summary>
/// The payload that started a run. Scripts index it like JSON (<c>Trigger["candidateId"]</c>) and, for HTTP
/// triggers, read <see cref="Headers"/> and <see cref="Query"/>.
/// </summary>
public sealed class TriggerData
{
    public static TriggerData Empty { get; } = new();

    public TriggerData(JsonNode? body = null, IReadOnlyDictionary<string, string>? headers = null, IReadOnlyDictionary<string, string>? query = null)
    {
        Body = body;
        Headers = headers is null
            ? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase);
        Query = query ?? new Dictionary<string, string>(StringComparer.Ordinal);
    }

    /// <summary>The JSON body (webhook body, run-now input payload, cron fire details).</summary>
    public JsonNode? Body { get; }

    /// <summary>HTTP request headers, case-insensitive; empty for non-HTTP triggers.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>HTTP query string values; empty for non-HTTP triggers.</summary>
    public IReadOnlyDictionary<string, string> Query { get; }

    /// <summary>A property of the JSON body, or null when the body is not an object or lacks it.</summary>
    public JsonNode? this[string property] => Body is JsonObject o && o.TryGetPropertyValue(property, out var v) ? v : null;

    /// <summary>An element of the JSON body when it is an array.</summary>
    public JsonNode? this[int index] => Body is JsonArray a && index >= 0 && index < a.Count ? a[index] : null;

    public override string ToString() => Body?.ToJsonString() ?? string.Empty;
}
