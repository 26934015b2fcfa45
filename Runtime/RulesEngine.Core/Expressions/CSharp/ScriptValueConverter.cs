using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RulesEngine.Core.Expressions.CSharp;

/// <summary>
/// Converts values between what the engine stores (JSON nodes, strings, numbers) and what scripts declare
/// (typed variables, an input's result type). Lenient in the way mapping rules need: a JSON string "42"
/// becomes 42, a number becomes "42", an enum parses from its name.
/// </summary>
internal static class ScriptValueConverter
{
    public static T? To<T>(object? value)
    {
        if (value is T typed)
        {
            return typed;
        }

        return (T?)To(value, typeof(T));
    }

    public static object? To(object? value, Type target)
    {
        if (value is null)
        {
            return target.IsValueType && Nullable.GetUnderlyingType(target) is null ? Activator.CreateInstance(target) : null;
        }

        if (target.IsInstanceOfType(value) || target == typeof(object))
        {
            return value;
        }

        var type = Nullable.GetUnderlyingType(target) ?? target;
        if (typeof(JsonNode).IsAssignableFrom(type))
        {
            return ToNode(value, type);
        }

        if (value is JsonElement element)
        {
            value = JsonSerializer.SerializeToNode(element);
            if (value is null)
            {
                return To(null, target);
            }
        }

        if (value is JsonNode node)
        {
            if (node is JsonValue jsonValue && jsonValue.TryGetValue<string>(out var text))
            {
                value = text;
            }
            else if (type == typeof(string))
            {
                return node is JsonValue ? node.ToString() : node.ToJsonString();
            }
            else
            {
                return node.Deserialize(type);
            }
        }

        if (type.IsInstanceOfType(value))
        {
            return value;
        }

        if (type == typeof(string))
        {
            return value is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : value.ToString();
        }

        if (type.IsEnum)
        {
            return value is string name ? Enum.Parse(type, name, ignoreCase: true) : Enum.ToObject(type, value);
        }

        if (value is string s)
        {
            if (type == typeof(Guid))
            {
                return Guid.Parse(s, CultureInfo.InvariantCulture);
            }

            if (type == typeof(DateTimeOffset))
            {
                return DateTimeOffset.Parse(s, CultureInfo.InvariantCulture);
            }

            if (type == typeof(TimeSpan))
            {
                return TimeSpan.Parse(s, CultureInfo.InvariantCulture);
            }
        }

        if (value is IConvertible && typeof(IConvertible).IsAssignableFrom(type))
        {
            return Convert.ChangeType(value, type, CultureInfo.InvariantCulture);
        }

        throw new InvalidCastException($"cannot convert a value of type {value.GetType().Name} to {target.Name}");
    }

    private static JsonNode? ToNode(object value, Type type)
    {
        JsonNode? node = value switch
        {
            JsonNode n => n,
            JsonElement e => JsonSerializer.SerializeToNode(e),
            string s when type != typeof(JsonNode) && type != typeof(JsonValue) => JsonNode.Parse(s),
            _ => JsonSerializer.SerializeToNode(value, value.GetType()),
        };
        return node is null || type.IsInstanceOfType(node)
            ? node
            : throw new InvalidCastException($"cannot convert a value of type {value.GetType().Name} to {type.Name}");
    }
}
