using System.Text;
using System.Text.Json.Nodes;
using RulesEngine.Core.Model;
using RulesEngine.Core.Serialization;
using RulesEngine.Core.Tests.Support;
using RulesEngine.Core.Validation;

namespace RulesEngine.Core.Tests.Serialization;

public sealed class WorkflowJsonReaderTests : IDisposable
{
    private readonly TestEngine _engine = new();

    public void Dispose() => _engine.Dispose();

    [Fact]
    public void Read_CanonicalElsaShape_ReadsInputsOutputsConnectionsAndPositions()
    {
        const string json = """
        {
          "id": "v3", "definitionId": "wf", "name": "Tagging", "description": "d", "version": 3, "isLatest": true, "isPublished": true,
          "variables": [{"id":"v1","name":"Tag","typeName":"String","value":"x"}],
          "inputs": [{"name":"CandidateId","type":"String"}],
          "outputs": [{"name":"Result","type":"Object"}],
          "options": {"usableAsActivity": false},
          "root": {
            "id": "root", "type": "Elsa.Flowchart", "version": 1,
            "activities": [
              {"id":"w1","name":"Say","type":"Elsa.WriteLine","version":1,
               "customProperties":{"canStartWorkflow":false},
               "metadata":{"designer":{"position":{"x":120.5,"y":-40}}},
               "text":{"typeName":"String","expression":{"type":"Literal","value":"hi"}}},
              {"id":"r1","type":"Elsa.RunCSharp","script":{"typeName":"String","expression":{"type":"Literal","value":"return 1;"}},
               "result":{"typeName":"Object","memoryReference":{"id":"v1"}}}
            ],
            "connections": [{"source":{"activity":"w1","port":"Done"},"target":{"activity":"r1","port":"In"}}]
          }
        }
        """;

        var d = _engine.Read(json);

        d.DefinitionId.ShouldBe("wf");
        d.Version.ShouldBe(3);
        d.IsPublished.ShouldBeTrue();
        d.Variables.Single().Name.ShouldBe("Tag");
        d.Inputs.Single().Name.ShouldBe("CandidateId");
        d.Outputs.Single().Name.ShouldBe("Result");
        var say = d.Root.Activities[0];
        say.Name.ShouldBe("Say");
        say.Inputs["text"].Expression.ShouldBe(new Expression("Literal", JsonValue.Create("hi")), new ExpressionComparer());
        say.Position.ShouldBe((120.5, -40d));
        d.Root.Activities[1].Outputs["result"].MemoryReferenceId.ShouldBe("v1");
        d.Root.Connections.Single().ShouldBe(new Connection("w1", "Done", "r1", "In"));
    }

    [Fact]
    public void Read_LegacyFlatConnections_AreUnderstood()
    {
        var d = _engine.Read("""
        {"root":{"id":"f","type":"Elsa.Flowchart","activities":[{"id":"a","type":"Elsa.Start"},{"id":"b","type":"Elsa.End"}],
          "connections":[{"source":"a","target":"b","sourcePort":"Done","targetPort":"In"},{"sourceId":"a","targetId":"b","outcome":"Other"}]}}
        """);

        d.Root.Connections.ShouldBe([new Connection("a", "Done", "b", "In"), new Connection("a", "Other", "b", "In")]);
    }

    [Fact]
    public void Read_PascalCaseKeysAndValuesWrappers_AreUnderstood()
    {
        var d = _engine.Read("""
        {"Id":"v1","DefinitionId":"pascal","Name":"P","Version":2,
         "Variables":{"$id":"1","$values":[{"Id":"x","Name":"X","TypeName":"Int32"}]},
         "Root":{"Id":"f","Type":"Elsa.Flowchart",
           "Activities":{"$id":"2","$values":[{"Id":"w","Type":"Elsa.WriteLine","Text":{"TypeName":"String","Expression":{"Type":"Literal","Value":"hello"}}}]},
           "Connections":{"$values":[]}}}
        """);

        d.DefinitionId.ShouldBe("pascal");
        d.Version.ShouldBe(2);
        d.Variables.Single().TypeName.ShouldBe("Int32");
        d.Root.Activities.Single().Inputs["text"].Expression.ValueText.ShouldBe("hello");
    }

    [Fact]
    public void Read_BareInputValues_AreLiterals()
    {
        var d = _engine.Read("""
        {"root":{"id":"f","type":"Elsa.Flowchart","activities":[{"id":"w","type":"Elsa.WriteLine","text":"plain"},{"id":"d","type":"Elsa.FlowDecision","condition":true}]}}
        """);

        d.Root.Activities[0].Inputs["text"].Expression.Type.ShouldBe(Expression.Literal);
        d.Root.Activities[0].Inputs["text"].Expression.ValueText.ShouldBe("plain");
        d.Root.Activities[1].Inputs["condition"].Expression.ValueText.ShouldBe("true");
    }

    [Theory]
    [InlineData("Elsa.Workflows.Activities.WriteLine, Elsa.Workflows.Core, Version=3.0.0.0, Culture=neutral, PublicKeyToken=null")]
    [InlineData("Elsa.Activities.Console.WriteLine, Elsa.Activities.Console")]
    [InlineData("Elsa.Workflows.Activities.WriteLine")]
    public void Read_StaleAssemblyQualifiedTypeName_ResolvesToCurrentType(string staleType)
    {
        var d = _engine.Read($$$"""{"root":{"id":"f","type":"Elsa.Flowchart","activities":[{"id":"w","type":"{{{staleType}}}","text":"x"}]}}""");

        var w = d.Root.Activities.Single();
        w.Type.ShouldBe("Elsa.WriteLine");
        w.OriginalType.ShouldBe(staleType);
        w.IsUnknown.ShouldBeFalse();
    }

    [Fact]
    public void Read_Utf8Bom_IsIgnored()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("""{"root":{"id":"f","type":"Elsa.Flowchart","activities":[]}}""")).ToArray();

        var d = _engine.Reader.Read(Encoding.UTF8.GetString(bytes));

        d.Root.Type.ShouldBe("Elsa.Flowchart");
    }

    [Fact]
    public void RoundTrip_UnknownActivityType_IsKeptVerbatimWithItsConnections()
    {
        const string unknown = """{"id":"x","type":"Acme.Custom.Thing","version":4,"weird":{"deep":[1,2,{"a":null}]},"Mixed":"Case","metadata":{"designer":{"position":{"x":1,"y":2}}}}""";
        var json = $$$"""
        {"definitionId":"rt","root":{"id":"f","type":"Elsa.Flowchart","activities":[{"id":"s","type":"Elsa.Start"},{{{unknown}}}],
          "connections":[{"source":{"activity":"s","port":"Done"},"target":{"activity":"x","port":"In"}}]}}
        """;

        var first = _engine.Read(json);
        var written = WorkflowJsonWriter.Write(first);
        var second = _engine.Read(written);

        var kept = second.Root.Activities.Single(a => a.Id == "x");
        kept.IsUnknown.ShouldBeTrue();
        JsonNode.DeepEquals(kept.Raw, JsonNode.Parse(unknown)).ShouldBeTrue();
        second.Root.Connections.ShouldContain(new Connection("s", "Done", "x", "In"));
        JsonNode.DeepEquals(WorkflowJsonWriter.ToJson(second), JsonNode.Parse(written)).ShouldBeTrue();
    }

    [Fact]
    public void Load_UnknownActivityType_IsReportedByIdNameAndType()
    {
        var blueprint = _engine.Load("""{"root":{"id":"f","type":"Elsa.Flowchart","activities":[{"id":"x","name":"Mystery","type":"Acme.Custom.Thing"}]}}""");

        var problem = blueprint.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.UnknownType);
        problem.ToString().ShouldBe("activity x 'Mystery' (Acme.Custom.Thing): unknown activity type 'Acme.Custom.Thing' (kept as it is; the workflow cannot run until it is replaced)");
        blueprint.IsRunnable.ShouldBeFalse();
    }

    [Fact]
    public void RoundTrip_KnownActivityExtraProperties_AreKept()
    {
        var d = _engine.Read("""{"root":{"id":"f","type":"Elsa.Flowchart","activities":[{"id":"w","type":"Elsa.WriteLine","text":"x","someFutureOption":{"k":1}}]}}""");

        var again = _engine.Read(WorkflowJsonWriter.Write(d));

        again.Root.Activities[0].Extra["someFutureOption"]!["k"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public void Read_MalformedJson_NamesLineAndPosition()
    {
        var ex = Should.Throw<WorkflowFormatException>(() => _engine.Reader.Read("{\n  \"root\": {\n    \"id\": \"f\",,\n  }\n}", "broken.json"));

        ex.Message.ShouldStartWith("broken.json: invalid JSON at line 3");
        ex.Line.ShouldBe(3);
    }

    [Theory]
    [InlineData("[1,2]", "expected a JSON object with a workflow definition, found Array")]
    [InlineData("{\"name\":\"x\"}", "the workflow has no 'root' activity")]
    [InlineData("{\"root\":{\"type\":\"Elsa.Flowchart\"}}", "activity of type 'Elsa.Flowchart' at root has no 'id'")]
    [InlineData("{\"root\":{\"id\":\"f\",\"type\":\"Elsa.Flowchart\",\"activities\":[{\"id\":\"a\"}]}}", "activity at f.activities has no 'type'")]
    [InlineData("{\"root\":{\"id\":\"f\",\"type\":\"Elsa.Flowchart\",\"activities\":[],\"connections\":[{\"source\":\"a\"}]}}", "connection #1 of flowchart 'f' lacks a source or target activity")]
    [InlineData("", "the file is empty")]
    public void Read_WrongShapes_SayWhatAndWhere(string json, string expected)
    {
        var ex = Should.Throw<WorkflowFormatException>(() => _engine.Reader.Read(json, "w.json"));

        ex.Message.ShouldBe("w.json: " + expected);
    }

    [Fact]
    public void ReadMany_ArrayOfWorkflows_ReadsEach()
    {
        var many = _engine.Reader.ReadMany("""[{"definitionId":"a","root":{"id":"f","type":"Elsa.Flowchart"}},{"definitionId":"b","root":{"id":"g","type":"Elsa.Flowchart"}}]""");

        many.Select(d => d.DefinitionId).ShouldBe(["a", "b"]);
    }

    private sealed class ExpressionComparer : IEqualityComparer<Expression>
    {
        public bool Equals(Expression? x, Expression? y) => x?.Type == y?.Type && JsonNode.DeepEquals(x?.Value, y?.Value);

        public int GetHashCode(Expression obj) => obj.Type.GetHashCode(StringComparison.Ordinal);
    }
}
