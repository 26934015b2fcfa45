using System.Globalization;
using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Native.Json;
using RulesEngine.Core.Execution;

namespace RulesEngine.Core.Expressions.JavaScript;

/// <summary>
/// Moves values between the engine and JavaScript as JSON-shaped data only: objects and arrays cross as JSON text, so a
/// script never holds a CLR object (no interop surface), and what it returns comes back as JsonNode or a primitive.
/// </summary>
internal static class JsBridge
{
    public static JsValue ToJs(Engine engine, object? value)
    {
        switch (value)
        {
            case null:
                return JsValue.Null;
            case string s:
                return new JsString(s);
            case bool b:
                return b ? JsBoolean.True : JsBoolean.False;
            case int or long or double or float or decimal or short or byte:
                return new JsNumber(System.Convert.ToDouble(value, CultureInfo.InvariantCulture));
            case Guid g:
                return new JsString(g.ToString());
            case DateTimeOffset or DateTime or TimeSpan:
                return new JsString(ValueConverter.ToNode(value)?.GetValue<string>() ?? string.Empty);
        }

        var node = value as JsonNode ?? ValueConverter.ToNode(value);
        return node switch
        {
            null => JsValue.Null,
            JsonValue v when v.TryGetValue<string>(out var s) => new JsString(s),
            JsonValue v when v.TryGetValue<bool>(out var b) => b ? JsBoolean.True : JsBoolean.False,
            JsonValue v when v.TryGetValue<double>(out var d) => new JsNumber(d),
            _ => new JsonParser(engine).Parse(node.ToJsonString()),
        };
    }

    public static object? FromJs(Engine engine, JsValue value)
    {
        if (value.IsUndefined() || value.IsNull())
        {
            return null;
        }

        if (value.IsString())
        {
            return value.AsString();
        }

        if (value.IsBoolean())
        {
            return value.AsBoolean();
        }

        if (value.IsNumber())
        {
            var d = value.AsNumber();
            return d == Math.Floor(d) && Math.Abs(d) < 9_007_199_254_740_992d
                ? d is >= int.MinValue and <= int.MaxValue ? (int)d : (long)d
                : d;
        }

        if (value.IsDate())
        {
            return new DateTimeOffset(value.AsDate().ToDateTime().ToUniversalTime(), TimeSpan.Zero);
        }

        return ToNode(engine, value);
    }

    public static JsonNode? ToNode(Engine engine, JsValue value)
    {
        if (value.IsUndefined() || value.IsNull())
        {
            return null;
        }

        var json = new JsonSerializer(engine).Serialize(value);
        return json.IsString() ? JsonNode.Parse(json.AsString()) : null;
    }

    public static string? AsText(JsValue value) =>
        value.IsUndefined() || value.IsNull() ? null : value.IsString() ? value.AsString() : value.ToString();
}
