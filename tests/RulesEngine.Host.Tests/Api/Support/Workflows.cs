using System.Text.Json.Nodes;

namespace RulesEngine.Host.Tests.Api.Support;

/// <summary>Workflow JSON in Elsa 3's shape for the API tests.</summary>
public static class Workflows
{
    /// <summary>A timer trigger (every 5 minutes) followed by a WriteLine whose text is <paramref name="text"/> (a literal).</summary>
    public static JsonObject Timed(string name, string? definitionId = null, string text = "hello")
    {
        var workflow = new JsonObject
        {
            ["name"] = name,
            ["root"] = new JsonObject
            {
                ["id"] = "flow",
                ["type"] = "Elsa.Flowchart",
                ["activities"] = new JsonArray(
                    new JsonObject
                    {
                        ["id"] = "timer1",
                        ["name"] = "Every5",
                        ["type"] = "Elsa.Timer",
                        ["customProperties"] = new JsonObject { ["canStartWorkflow"] = true },
                        ["interval"] = Literal("TimeSpan", "00:05:00"),
                    },
                    new JsonObject
                    {
                        ["id"] = "say",
                        ["name"] = "Say",
                        ["type"] = "Elsa.WriteLine",
                        ["text"] = Literal("String", text),
                    }),
                ["connections"] = new JsonArray(new JsonObject
                {
                    ["source"] = new JsonObject { ["activity"] = "timer1", ["port"] = "Done" },
                    ["target"] = new JsonObject { ["activity"] = "say", ["port"] = "In" },
                }),
            },
        };
        if (definitionId is not null)
        {
            workflow["definitionId"] = definitionId;
        }

        return workflow;
    }

    /// <summary>A workflow with an unknown activity type and a C# input that does not compile on its second line.</summary>
    public static JsonObject Broken(string definitionId) => new()
    {
        ["definitionId"] = definitionId,
        ["name"] = "Broken",
        ["root"] = new JsonObject
        {
            ["id"] = "flow",
            ["type"] = "Elsa.Flowchart",
            ["activities"] = new JsonArray(
                new JsonObject { ["id"] = "mystery", ["name"] = "Mystery", ["type"] = "Acme.DoesNotExist" },
                new JsonObject
                {
                    ["id"] = "calc",
                    ["name"] = "Calc",
                    ["type"] = "Elsa.WriteLine",
                    ["text"] = new JsonObject
                    {
                        ["typeName"] = "String",
                        ["expression"] = new JsonObject { ["type"] = "CSharp", ["value"] = "var x = 1;\nreturn x.NoSuchMember;" },
                    },
                }),
        },
    };

    private static JsonObject Literal(string typeName, string value) => new()
    {
        ["typeName"] = typeName,
        ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value },
    };
}
