using System.Text.Json.Nodes;
using RulesEngine.Core.Model;

namespace RulesEngine.Core.Sdk;

/// <summary>Untyped view of an activity input: its expression and value type.</summary>
public abstract class Input
{
    protected Input(Expression expression) => Expression = expression;

    /// <summary>The expression that produces the value; evaluated just before the activity runs.</summary>
    public Expression Expression { get; internal set; }

    public abstract Type ValueType { get; }
}

/// <summary>An activity input of type <typeparamref name="T"/>. Read its evaluated value with <c>context.Get(input)</c>.</summary>
public sealed class Input<T> : Input
{
    public Input()
        : base(Expression.FromLiteral(null))
    {
    }

    public Input(T literal)
        : base(Expression.FromLiteral(literal is null ? null : JsonValueFactory.From(literal)))
    {
    }

    public Input(Expression expression)
        : base(expression)
    {
    }

    public override Type ValueType => typeof(T);

    public static implicit operator Input<T>(T literal) => new(literal);
}

/// <summary>Makes a JSON node of a literal default value.</summary>
internal static class JsonValueFactory
{
    public static JsonNode? From<T>(T value) => value switch
    {
        null => null,
        JsonNode node => node,
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        double d => JsonValue.Create(d),
        decimal m => JsonValue.Create(m),
        _ => System.Text.Json.JsonSerializer.SerializeToNode(value, Execution.EngineJson.Options),
    };
}
