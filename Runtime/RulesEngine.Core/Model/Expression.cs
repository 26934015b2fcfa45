using System.Text.Json.Nodes;

namespace RulesEngine.Core.Model;

/// <summary>
/// An input's expression as Elsa 3 stores it: <c>{"type":"Literal"|"Object"|"Variable"|"CSharp"|…,"value":…}</c>.
/// The value is kept as JSON so that any expression type round-trips untouched.
/// </summary>
public sealed record Expression(string Type, JsonNode? Value)
{
    public const string Literal = "Literal";
    public const string Object = "Object";
    public const string Json = "Json";
    public const string Variable = "Variable";
    public const string CSharp = "CSharp";
    public const string JavaScript = "JavaScript";
    public const string Liquid = "Liquid";

    public static Expression FromLiteral(JsonNode? value) => new(Literal, value);

    public static Expression FromCSharp(string code) => new(CSharp, JsonValue.Create(code));

    /// <summary>The value as text: a JSON string's content, or other JSON written out; null for JSON null.</summary>
    public string? ValueText => Value switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => Value.ToJsonString(),
    };
}
