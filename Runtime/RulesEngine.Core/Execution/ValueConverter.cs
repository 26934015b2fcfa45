using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RulesEngine.Core.Execution;

/// <summary>Converts expression results and stored values to the type an input, variable or script expects.</summary>
public static class ValueConverter
{
    public static T? Convert<T>(object? value) => (T?)Convert(value, typeof(T));

    public static object? Convert(object? value, Type target)
    {
        var underlying = Nullable.GetUnderlyingType(target);
        if (value is null || (value is JsonValue jv0 && jv0.GetValueKind() == JsonValueKind.Null) || (value is JsonElement je0 && je0.ValueKind == JsonValueKind.Null))
        {
            return target.IsValueType && underlying is null ? Activator.CreateInstance(target) : null;
        }

        target = underlying ?? target;
        if (target == typeof(object) || target.IsInstanceOfType(value))
        {
            return value;
        }

        if (value is JsonElement element)
        {
            value = JsonNode.Parse(element.GetRawText());
            if (value is null)
            {
                return null;
            }

            if (target.IsInstanceOfType(value))
            {
                return value;
            }
        }

        if (target == typeof(string))
        {
            return value switch
            {
                JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
                JsonNode n => n.ToJsonString(),
                bool b => b ? "true" : "false",
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString(),
            };
        }

        if (target == typeof(JsonNode) || target == typeof(JsonObject) || target == typeof(JsonArray) || target == typeof(JsonValue))
        {
            var node = value as JsonNode ?? ToNode(value);
            return target.IsInstanceOfType(node) ? node : throw Fail(value, target);
        }

        if (value is JsonValue jsonValue && jsonValue.GetValueKind() == JsonValueKind.String)
        {
            value = jsonValue.GetValue<string>();
        }

        if (value is string s)
        {
            return FromString(s, target);
        }

        if (value is JsonNode json)
        {
            try
            {
                return json.Deserialize(target, EngineJson.Options);
            }
            catch (JsonException ex)
            {
                throw Fail(value, target, ex);
            }
        }

        if (target.IsEnum)
        {
            return Enum.ToObject(target, value);
        }

        if (value is IConvertible && typeof(IConvertible).IsAssignableFrom(target))
        {
            try
            {
                return System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
            }
            catch (Exception ex) when (ex is InvalidCastException or FormatException or OverflowException)
            {
                throw Fail(value, target, ex);
            }
        }

        if (value is TimeSpan && target == typeof(TimeSpan))
        {
            return value;
        }

        // Any other CLR shape: go through JSON (e.g. a list of records into JsonArray-like targets or other records).
        try
        {
            return JsonSerializer.SerializeToNode(value, value.GetType(), EngineJson.Options).Deserialize(target, EngineJson.Options);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw Fail(value, target, ex);
        }
    }

    /// <summary>Turns a value into JSON for state, journals and <c>Output.From</c>.</summary>
    public static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        JsonNode node => node,
        JsonElement element => JsonNode.Parse(element.GetRawText()),
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        double d => JsonValue.Create(d),
        _ => JsonSerializer.SerializeToNode(value, value.GetType(), EngineJson.Options),
    };

    /// <summary>Enumerates a collection value: a JSON array, any IEnumerable except strings, or a single item.</summary>
    public static IReadOnlyList<object?> ToList(object? value)
    {
        switch (value)
        {
            case null:
                return [];
            case string s when s.TrimStart().StartsWith('['):
                return JsonNode.Parse(s) is JsonArray parsed ? [.. parsed] : [s];
            case string s:
                return [s];
            case JsonArray array:
                return [.. array];
            case JsonElement { ValueKind: JsonValueKind.Array } element:
                return [.. JsonNode.Parse(element.GetRawText())!.AsArray()];
            case IEnumerable enumerable:
                return enumerable.Cast<object?>().ToList();
            default:
                return [value];
        }
    }

    private static object? FromString(string s, Type target)
    {
        var c = CultureInfo.InvariantCulture;
        try
        {
            if (target == typeof(bool))
            {
                return bool.Parse(s.Trim());
            }

            if (target == typeof(int))
            {
                return int.Parse(s, NumberStyles.Integer, c);
            }

            if (target == typeof(long))
            {
                return long.Parse(s, NumberStyles.Integer, c);
            }

            if (target == typeof(double))
            {
                return double.Parse(s, NumberStyles.Float, c);
            }

            if (target == typeof(decimal))
            {
                return decimal.Parse(s, NumberStyles.Number, c);
            }

            if (target == typeof(float))
            {
                return float.Parse(s, NumberStyles.Float, c);
            }

            if (target == typeof(Guid))
            {
                return Guid.Parse(s);
            }

            if (target == typeof(DateTimeOffset))
            {
                return DateTimeOffset.Parse(s, c, DateTimeStyles.AssumeUniversal);
            }

            if (target == typeof(DateTime))
            {
                return DateTime.Parse(s, c, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            }

            if (target == typeof(TimeSpan))
            {
                return ParseTimeSpan(s);
            }

            if (target.IsEnum)
            {
                return Enum.Parse(target, s.Trim(), ignoreCase: true);
            }

            if (target == typeof(char) && s.Length == 1)
            {
                return s[0];
            }

            if (typeof(IConvertible).IsAssignableFrom(target))
            {
                return System.Convert.ChangeType(s, target, c);
            }

            var trimmed = s.TrimStart();
            if (trimmed.StartsWith('[') || trimmed.StartsWith('{'))
            {
                return JsonSerializer.Deserialize(s, target, EngineJson.Options);
            }

            // A single string where a list is expected becomes a one-item list.
            return JsonSerializer.Deserialize(new JsonArray(JsonValue.Create(s)).ToJsonString(), target, EngineJson.Options);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or JsonException or ArgumentException or InvalidCastException or NotSupportedException)
        {
            throw Fail(s, target, ex);
        }
    }

    /// <summary>Reads "00:05:00", "5s", "10m", "2h", "1d" or ISO 8601 "PT5M".</summary>
    public static TimeSpan ParseTimeSpan(string s)
    {
        s = s.Trim();
        if (TimeSpan.TryParse(s, CultureInfo.InvariantCulture, out var ts))
        {
            return ts;
        }

        if (s.StartsWith('P'))
        {
            return System.Xml.XmlConvert.ToTimeSpan(s);
        }

        if (s.Length > 1 && double.TryParse(s[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
        {
            switch (char.ToLowerInvariant(s[^1]))
            {
                case 's': return TimeSpan.FromSeconds(n);
                case 'm': return TimeSpan.FromMinutes(n);
                case 'h': return TimeSpan.FromHours(n);
                case 'd': return TimeSpan.FromDays(n);
            }
        }

        if (s.EndsWith("ms", StringComparison.OrdinalIgnoreCase) && double.TryParse(s[..^2], NumberStyles.Float, CultureInfo.InvariantCulture, out var ms))
        {
            return TimeSpan.FromMilliseconds(ms);
        }

        throw new FormatException($"'{s}' is not a time span (use 00:05:00, 5m, 30s or PT5M)");
    }

    private static InvalidCastException Fail(object value, Type target, Exception? inner = null)
    {
        var shown = value is JsonNode n ? n.ToJsonString() : value.ToString();
        if (shown is { Length: > 80 })
        {
            shown = shown[..77] + "...";
        }

        return new InvalidCastException($"cannot convert {DescribeType(value.GetType())} '{shown}' to {DescribeType(target)}{(inner is null ? string.Empty : ": " + inner.Message)}", inner);
    }

    private static string DescribeType(Type t) => t.IsGenericType
        ? $"{t.Name[..t.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", t.GetGenericArguments().Select(DescribeType))}>"
        : t.Name;
}
