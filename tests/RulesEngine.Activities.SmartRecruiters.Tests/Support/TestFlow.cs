using System.Text.Json.Nodes;

namespace RulesEngine.Activities.SmartRecruiters.Tests.Support;

/// <summary>Builds flowchart workflow JSON: <c>new TestFlow().Add("a", "SmartRecruiters.GetJob", ("jobId", "…")).Connect("a", "b")</c>.</summary>
public sealed class TestFlow
{
    private readonly JsonArray _activities = [];
    private readonly JsonArray _connections = [];
    private readonly JsonArray _variables = [];

    public string DefinitionId { get; init; } = "sr-flow";

    /// <summary>Adds an activity; a string value is a literal, a <see cref="JsonNode"/> is written as given.</summary>
    public TestFlow Add(string id, string type, params (string Name, object? Value)[] inputs)
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
    public TestFlow Trigger(string id)
    {
        var a = _activities.OfType<JsonObject>().First(x => x["id"]!.GetValue<string>() == id);
        a["customProperties"] = new JsonObject { ["canStartWorkflow"] = true };
        return this;
    }

    public TestFlow Connect(string source, string target, string port = "Done")
    {
        _connections.Add(new JsonObject
        {
            ["source"] = new JsonObject { ["activity"] = source, ["port"] = port },
            ["target"] = new JsonObject { ["activity"] = target, ["port"] = "In" },
        });
        return this;
    }

    public TestFlow Variable(string name, string typeName = "Object")
    {
        _variables.Add(new JsonObject { ["id"] = "var-" + name, ["name"] = name, ["typeName"] = typeName });
        return this;
    }

    public static JsonObject Literal(string value, string typeName = "String") => Expr("Literal", value, typeName);

    public static JsonObject Json(JsonNode value, string typeName = "Object") => new()
    {
        ["typeName"] = typeName,
        ["expression"] = new JsonObject { ["type"] = "Object", ["value"] = value.ToJsonString() },
    };

    public static JsonObject CSharp(string code, string typeName = "Object") => Expr("CSharp", code, typeName);

    public static JsonObject Expr(string type, string value, string typeName = "Object") => new()
    {
        ["typeName"] = typeName,
        ["expression"] = new JsonObject { ["type"] = type, ["value"] = value },
    };

    /// <summary>Binds an output to a workflow variable.</summary>
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
        ["root"] = new JsonObject
        {
            ["id"] = "flowchart",
            ["type"] = "Elsa.Flowchart",
            ["activities"] = _activities.DeepClone(),
            ["connections"] = _connections.DeepClone(),
        },
    };

    public override string ToString() => ToJson().ToJsonString();

    public static implicit operator string(TestFlow flow) => flow.ToString();
}
