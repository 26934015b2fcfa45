using System.Text.Json.Nodes;

namespace RulesEngine.Activities.Compatibility;

/// <summary>Reads properties of Elsa exports that the model keeps verbatim: any key casing, <c>$values</c> wrappers.</summary>
internal static class ElsaJson
{
    public static JsonNode? Get(JsonObject o, string name)
    {
        foreach (var (key, value) in o)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return Unwrap(value);
            }
        }

        return null;
    }

    public static JsonNode? Unwrap(JsonNode? node)
    {
        while (node is JsonObject o && o.Count > 0 && o.FirstOrDefault(p => p.Key.Equals("$values", StringComparison.OrdinalIgnoreCase)) is { Key: not null } values)
        {
            node = values.Value;
        }

        return node;
    }

    public static IEnumerable<JsonNode?> Items(JsonNode? node) => Unwrap(node) is JsonArray a ? a : [];

    /// <summary>An expression object <c>{"type":…,"value":…}</c>, or a bare value read as a literal.</summary>
    public static Core.Model.Expression ReadExpression(JsonNode? node)
    {
        node = Unwrap(node);
        if (node is JsonObject o && Get(o, "expression") is JsonObject wrapped)
        {
            o = wrapped;
        }

        if (node is JsonObject e && Get(e, "type") is JsonValue t && t.TryGetValue<string>(out var type))
        {
            return new Core.Model.Expression(type, Get(e, "value")?.DeepClone());
        }

        return Core.Model.Expression.FromLiteral(node?.DeepClone());
    }
}
