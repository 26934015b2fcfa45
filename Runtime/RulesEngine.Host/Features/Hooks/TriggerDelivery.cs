using System.Text.Json;
using System.Text.Json.Nodes;

namespace RulesEngine.Host.Features.Hooks;

/// <summary>A trigger request as the inbox stores it: method, headers and query beside the raw body.</summary>
internal sealed record TriggerDelivery(string Method, Dictionary<string, string> Headers, Dictionary<string, string> Query)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    public static TriggerDelivery Deserialize(string? json) =>
        (json is null ? null : JsonSerializer.Deserialize<TriggerDelivery>(json, Json))
        ?? new TriggerDelivery("POST", new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), []);

    /// <summary>The body as JSON when it is JSON, else as a JSON string; null when empty.</summary>
    public static JsonNode? ParseBody(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return JsonValue.Create(body);
        }
    }
}
