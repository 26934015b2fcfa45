using System.Text.Json.Nodes;
using RulesEngine.Core.Tests.Support;
using RulesEngine.TestSupport.Workflows;

namespace RulesEngine.Core.Tests.Compatibility;

/// <summary>Builds embedded Elsa activities for tests (ports, branches, cases).</summary>
internal static class Elsa
{
    public static JsonObject Activity(string id, string type, params (string Name, JsonNode? Value)[] properties)
    {
        var o = new JsonObject { ["id"] = id, ["type"] = type, ["name"] = id };
        foreach (var (name, value) in properties)
        {
            o[name] = value;
        }

        return o;
    }

    public static JsonObject WriteLine(string id, string text) => Activity(id, "Elsa.WriteLine", ("text", Flow.Literal(text)));

    public static JsonObject WriteLineJs(string id, string code) => Activity(id, "Elsa.WriteLine", ("text", Flow.Expr("JavaScript", code, "String")));

    public static JsonObject Sequence(string id, params JsonObject[] activities) =>
        Activity(id, "Elsa.Sequence", ("activities", new JsonArray([.. activities])));

    public static JsonObject SetVariableJs(string id, string variable, string code) =>
        Activity(id, "Elsa.SetVariable", ("variable", JsonValue.Create(variable)), ("value", Flow.Expr("JavaScript", code)));

    public static JsonObject Js(string code, string typeName = "Object") => Flow.Expr("JavaScript", code, typeName);

    public static JsonObject Event(string id, string name) => Activity(id, "Elsa.Event", ("eventName", Flow.Literal(name)));

    public static JsonObject Break(string id) => Activity(id, "Elsa.Break");

    public static JsonObject If(string id, string condition, JsonObject? then = null, JsonObject? @else = null) =>
        Activity(id, "Elsa.If", ("condition", Js(condition, "Boolean")), ("then", then), ("else", @else));
}
