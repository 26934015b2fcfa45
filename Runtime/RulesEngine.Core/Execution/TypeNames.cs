using System.Text.Json.Nodes;

namespace RulesEngine.Core.Execution;

/// <summary>Maps Elsa's type names (<c>String</c>, <c>Int32</c>, <c>Object</c>, <c>String[]</c>, …) to CLR types and back.</summary>
public static class TypeNames
{
    private static readonly Dictionary<string, Type> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["String"] = typeof(string),
        ["Boolean"] = typeof(bool),
        ["Bool"] = typeof(bool),
        ["Int32"] = typeof(int),
        ["Int"] = typeof(int),
        ["Int64"] = typeof(long),
        ["Long"] = typeof(long),
        ["Double"] = typeof(double),
        ["Single"] = typeof(float),
        ["Decimal"] = typeof(decimal),
        ["Number"] = typeof(double),
        ["DateTime"] = typeof(DateTime),
        ["DateTimeOffset"] = typeof(DateTimeOffset),
        ["TimeSpan"] = typeof(TimeSpan),
        ["Guid"] = typeof(Guid),
        ["Object"] = typeof(JsonNode),
        ["JsonNode"] = typeof(JsonNode),
        ["JsonObject"] = typeof(JsonObject),
        ["JsonArray"] = typeof(JsonArray),
        ["JsonElement"] = typeof(JsonNode),
        ["ExpandoObject"] = typeof(JsonNode),
        ["Dictionary"] = typeof(JsonNode),
    };

    /// <summary>The CLR type for a type name; unknown names and <c>Object</c> map to <see cref="JsonNode"/>.</summary>
    public static Type Resolve(string? typeName, bool isArray = false)
    {
        var name = (typeName ?? "Object").Trim();
        var comma = name.IndexOf(',', StringComparison.Ordinal);
        if (comma > 0)
        {
            name = name[..comma];
        }

        var lastDot = name.LastIndexOf('.');
        if (lastDot >= 0 && !name.EndsWith("[]", StringComparison.Ordinal))
        {
            name = name[(lastDot + 1)..];
        }

        if (name.EndsWith("[]", StringComparison.Ordinal))
        {
            var element = Resolve(name[..^2]);
            return element == typeof(JsonNode) ? typeof(JsonArray) : element.MakeArrayType();
        }

        var type = ByName.TryGetValue(name, out var t) ? t : typeof(JsonNode);
        if (isArray)
        {
            return type == typeof(JsonNode) ? typeof(JsonArray) : type.MakeArrayType();
        }

        return type;
    }

    /// <summary>Elsa's name for a CLR type.</summary>
    public static string NameOf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsArray)
        {
            return NameOf(type.GetElementType()!) + "[]";
        }

        if (type == typeof(string))
        {
            return "String";
        }

        if (type == typeof(bool))
        {
            return "Boolean";
        }

        if (type == typeof(JsonNode) || type == typeof(object) || type == typeof(JsonObject))
        {
            return "Object";
        }

        if (type == typeof(JsonArray))
        {
            return "Object[]";
        }

        if (type.IsGenericType && typeof(System.Collections.IEnumerable).IsAssignableFrom(type))
        {
            return NameOf(type.GetGenericArguments()[0]) + "[]";
        }

        return type.Name;
    }
}
