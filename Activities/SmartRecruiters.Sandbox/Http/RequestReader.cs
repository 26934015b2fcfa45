using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SmartRecruiters.Sandbox.Http;

/// <summary>
/// Query and body parsing done by hand, so that malformed input gets SmartRecruiters' error body rather than
/// ASP.NET Core's binding failure.
/// </summary>
internal static class RequestReader
{
    public static bool TryInt(HttpContext context, string name, int fallback, int min, int max, out int value, out IResult? error)
    {
        error = null;
        value = fallback;
        var raw = context.Request.Query[name].ToString();
        if (raw.Length == 0)
        {
            return true;
        }

        if (!int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) || value < min || value > max)
        {
            error = ApiErrors.BadRequest("INVALID_PARAMETER", $"Parameter '{name}' must be an integer between {min} and {max}.");
            return false;
        }

        return true;
    }

    public static bool TryDate(HttpContext context, string name, out DateTimeOffset? value, out IResult? error)
    {
        error = null;
        value = null;
        var raw = context.Request.Query[name].ToString();
        if (raw.Length == 0)
        {
            return true;
        }

        if (!DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            error = ApiErrors.BadRequest("INVALID_PARAMETER", $"Parameter '{name}' must be an ISO-8601 date-time.");
            return false;
        }

        value = parsed;
        return true;
    }

    /// <summary>Values of a repeatable (exploded) query parameter; comma-separated values are split too.</summary>
    public static List<string> Many(HttpContext context, string name) =>
        [.. context.Request.Query[name].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

    public static async Task<(JsonObject? Body, IResult? Error)> ReadObjectAsync(HttpContext context, CancellationToken cancellationToken)
    {
        try
        {
            var node = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: cancellationToken);
            return node is JsonObject obj
                ? (obj, null)
                : (null, ApiErrors.BadRequest("INVALID_JSON", "The request body must be a JSON object."));
        }
        catch (JsonException ex)
        {
            return (null, ApiErrors.BadRequest("INVALID_JSON", "The request body is not valid JSON: " + ex.Message));
        }
    }

    public static string? Str(JsonObject body, string name) =>
        body[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static bool? Bool(JsonObject body, string name) =>
        body[name] is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;
}
