using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RulesEngine.Activities;
using RulesEngine.Activities.Console;
using RulesEngine.Core.Execution;
using RulesEngine.Core.Serialization;

namespace RulesEngine.Benchmarks;

/// <summary>Workflow shapes the benchmarks run, and an engine without persistence.</summary>
internal static class Workflows
{
    public static ServiceProvider CreateEngine() => new ServiceCollection()
        .AddLogging()
        .AddSingleton<IWriteLineSink>(new TextWriterSink(TextWriter.Null))
        .AddRulesEngineActivities()
        .Configure<EngineOptions>(o => o.JournalValues = false)
        .BuildServiceProvider();

    /// <summary>A flowchart of <paramref name="count"/> SetVariable activities in a chain, literal values.</summary>
    public static string SetVariableChain(int count)
    {
        var activities = new JsonArray();
        var connections = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            activities.Add(new JsonObject
            {
                ["id"] = $"a{i}",
                ["type"] = "Elsa.SetVariable",
                ["variable"] = "X",
                ["value"] = new JsonObject { ["typeName"] = "Object", ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = i.ToString() } },
            });
            if (i > 0)
            {
                connections.Add(new JsonObject { ["source"] = new JsonObject { ["activity"] = $"a{i - 1}", ["port"] = "Done" }, ["target"] = new JsonObject { ["activity"] = $"a{i}", ["port"] = "In" } });
            }
        }

        return Wrap(activities, connections, "chain");
    }

    /// <summary>A flowchart with <paramref name="count"/> WriteLine activities whose text is a distinct C# expression.</summary>
    public static string CSharpExpressions(int count, string salt)
    {
        var activities = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            activities.Add(new JsonObject
            {
                ["id"] = $"w{i}",
                ["type"] = "Elsa.WriteLine",
                ["text"] = new JsonObject { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "CSharp", ["value"] = $"$\"{salt}-{i}: {{Variables.X + {i}}}\"" } },
            });
        }

        return Wrap(activities, [], "scripts-" + salt);
    }

    private static string Wrap(JsonArray activities, JsonArray connections, string id) => new JsonObject
    {
        ["definitionId"] = id,
        ["variables"] = new JsonArray(new JsonObject { ["id"] = "x", ["name"] = "X", ["typeName"] = "Int32", ["value"] = 0 }),
        ["root"] = new JsonObject { ["id"] = "flow", ["type"] = "Elsa.Flowchart", ["activities"] = activities, ["connections"] = connections },
    }.ToJsonString();

    public static WorkflowBlueprint Load(IServiceProvider services, string json) =>
        services.GetRequiredService<WorkflowLoader>().Load(services.GetRequiredService<WorkflowJsonReader>().Read(json));
}
