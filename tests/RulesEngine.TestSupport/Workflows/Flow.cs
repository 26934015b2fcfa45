using System.Text.Json.Nodes;

namespace RulesEngine.TestSupport.Workflows;

/// <summary>Builds flowchart workflow JSON for tests: <c>new Flow().Add("a", "Elsa.WriteLine", ("text", "hi")).Connect("a", "b")</c>.
/// A string value is a literal, a bool a Boolean literal, a <see cref="JsonNode"/> is written as given.</summary>
public sealed class Flow
{
    private readonly JsonArray _activities = [];
    private readonly JsonArray _connections = [];
    private readonly JsonArray _variables = [];
    private readonly JsonArray _inputs = [];

    public string DefinitionId { get; init; } = "test-flow";

    /// <summary>Adds an activity; a string value is a literal, a <see cref="JsonNode"/> is written as given.</summary>
    public Flow Add(string id, string type, params (string Name, object? Value)[] inputs)
    {
        var activity = new JsonObject { ["id"] = id, ["type"] = type, ["name"] = id };
        foreach (var (name, value) in inputs)
        {
            activity[name] = value switch
            {
                JsonNode node => node,
                null => null,
                bool b => Literal(b ? "true" : "false", "Boolean"),
                _ => Literal(value.ToString()!),
            };
        }

        _activities.Add(activity);
        return this;
    }

    /// <summary>Marks an activity as able to start the workflow (a trigger).</summary>
    public Flow Trigger(string id)
    {
        var a = _activities.OfType<JsonObject>().First(x => x["id"]!.GetValue<string>() == id);
        a["customProperties"] = new JsonObject { ["canStartWorkflow"] = true };
        return this;
    }

    public Flow Connect(string source, string target, string port = "Done")
    {
        _connections.Add(new JsonObject
        {
            ["source"] = new JsonObject { ["activity"] = source, ["port"] = port },
            ["target"] = new JsonObject { ["activity"] = target, ["port"] = "In" },
        });
        return this;
    }

    /// <summary>Connects a chain: a → b → c through Done.</summary>
    public Flow Chain(params string[] ids)
    {
        for (var i = 1; i < ids.Length; i++)
        {
            Connect(ids[i - 1], ids[i]);
        }

        return this;
    }

    public Flow Variable(string name, string typeName = "Object", JsonNode? value = null)
    {
        _variables.Add(new JsonObject { ["id"] = "var-" + name, ["name"] = name, ["typeName"] = typeName, ["value"] = value });
        return this;
    }

    public Flow Input(string name, string typeName = "String")
    {
        _inputs.Add(new JsonObject { ["name"] = name, ["type"] = typeName });
        return this;
    }

    public static JsonObject Literal(string value, string typeName = "String") => Expr("Literal", value, typeName);

    public static JsonObject CSharp(string code, string typeName = "Object") => Expr("CSharp", code, typeName);

    public static JsonObject VariableRef(string name) => Expr("Variable", name, "Object");

    public static JsonObject Expr(string type, string value, string typeName = "Object") => new()
    {
        ["typeName"] = typeName,
        ["expression"] = new JsonObject { ["type"] = type, ["value"] = value },
    };

    public static JsonObject Bind(string variableName) => new()
    {
        ["typeName"] = "Object",
        ["memoryReference"] = new JsonObject { ["id"] = "var-" + variableName },
    };

    public JsonObject ToJson() => new()
    {
        ["id"] = DefinitionId + "-v1",
        ["definitionId"] = DefinitionId,
        ["name"] = DefinitionId,
        ["version"] = 1,
        ["variables"] = _variables.DeepClone(),
        ["inputs"] = _inputs.DeepClone(),
        ["root"] = new JsonObject
        {
            ["id"] = "flowchart",
            ["type"] = "Elsa.Flowchart",
            ["activities"] = _activities.DeepClone(),
            ["connections"] = _connections.DeepClone(),
        },
    };

    public override string ToString() => ToJson().ToJsonString();

    public static implicit operator string(Flow flow) => flow.ToString();
}
