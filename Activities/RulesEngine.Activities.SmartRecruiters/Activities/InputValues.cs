using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using RulesEngine.Core.Execution;

namespace RulesEngine.Activities.SmartRecruiters.Activities;

/// <summary>Lenient reading of list, object and date inputs (literals, JSON, or values from C# expressions).</summary>
internal static class InputValues
{
    /// <summary>A JSON array, any enumerable, or a comma-separated string → trimmed non-empty strings.</summary>
    public static string[] Strings(object? value)
    {
        switch (value)
        {
            case null:
                return [];
            case string s when s.TrimStart().StartsWith('['):
                return Strings(JsonNode.Parse(s));
            case string s:
                return [.. s.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
            case JsonValue v when v.TryGetValue<string>(out var text):
                return Strings(text);
            case JsonArray array:
                return [.. array.Select(Text).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!.Trim())];
            case IEnumerable items:
                return [.. items.Cast<object?>().Select(Text).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!.Trim())];
            default:
                return [Text(value)!];
        }
    }

    public static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonNode n => n.ToJsonString(),
        _ => ValueConverter.Convert<string>(value),
    };

    /// <summary>A JSON object from a JsonObject, JSON text or any CLR object; null when empty.</summary>
    public static JsonObject? Object(object? value, string inputName) => value switch
    {
        null => null,
        string s when string.IsNullOrWhiteSpace(s) => null,
        _ => Node(value, inputName) as JsonObject ?? throw new SmartRecruitersValidationException("INVALID_INPUT", $"Input '{inputName}' must be a JSON object."),
    };

    /// <summary>A JSON array from a JsonArray, JSON text or any enumerable; null when empty.</summary>
    public static JsonArray? Array(object? value, string inputName) => value switch
    {
        null => null,
        string s when string.IsNullOrWhiteSpace(s) => null,
        _ => Node(value, inputName) switch
        {
            JsonArray a => a,
            JsonObject o => [o],
            _ => throw new SmartRecruitersValidationException("INVALID_INPUT", $"Input '{inputName}' must be a JSON array."),
        },
    };

    public static DateTimeOffset? Date(string? value, string inputName)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : throw new SmartRecruitersValidationException("INVALID_INPUT", $"Input '{inputName}' is not a date-time: '{value}'.");
    }

    private static JsonNode? Node(object value, string inputName)
    {
        try
        {
            return value switch
            {
                JsonNode n => n.DeepClone(),
                string s => JsonNode.Parse(s),
                _ => ValueConverter.ToNode(value)?.DeepClone(),
            };
        }
        catch (JsonException ex)
        {
            throw new SmartRecruitersValidationException("INVALID_INPUT", $"Input '{inputName}' is not valid JSON: {ex.Message}");
        }
    }
}
