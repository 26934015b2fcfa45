using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RulesEngine.Core.Execution;
using RulesEngine.Core.Expressions;
using RulesEngine.Core.Tests.Support;
using RulesEngine.TestSupport.Workflows;
using RulesEngine.Core.Validation;

namespace RulesEngine.Core.Tests.Execution;

public sealed class CSharpInWorkflowsTests : IDisposable
{
    private readonly TestEngine _engine = new();

    public void Dispose() => _engine.Dispose();

    private static (string, object?) Text(string csharp) => ("text", Flow.CSharp(csharp, "String"));

    [Fact]
    public async Task Decision_OnTriggerAndVariables_TakesTheRightBranch()
    {
        var result = await _engine.RunAsync(
            new Flow()
                .Variable("Threshold", "Int32", 3)
                .Add("d", "Elsa.FlowDecision", ("condition", Flow.CSharp("Trigger[\"score\"]!.GetValue<int>() > Variables.Threshold", "Boolean")))
                .Add("hi", "Elsa.WriteLine", Text("$\"high {Trigger[\"score\"]}\""))
                .Add("lo", "Elsa.WriteLine", Text("\"low\""))
                .Connect("d", "hi", "True")
                .Connect("d", "lo", "False"),
            new StartOptions { Trigger = new TriggerState { Body = JsonNode.Parse("""{"score":5}""") } });

        result.Status.ShouldBe(WorkflowStatus.Finished);
        _engine.Console.Lines.ShouldBe(["high 5"]);
    }

    [Fact]
    public async Task LoopBack_WithACSharpCounter_RunsTheBodyThreeTimes()
    {
        var result = await _engine.RunAsync(new Flow()
            .Variable("Counter", "Int32", 0)
            .Add("start", "Elsa.Start")
            .Add("inc", "Elsa.SetVariable", ("variable", JsonValue.Create("Counter")), ("value", Flow.CSharp("Variables.Counter + 1")))
            .Add("say", "Elsa.WriteLine", Text("$\"round {Variables.Counter}\""))
            .Add("again", "Elsa.FlowDecision", ("condition", Flow.CSharp("Variables.Counter < 3", "Boolean")))
            .Add("done", "Elsa.WriteLine", Text("\"done\""))
            .Chain("start", "inc", "say", "again")
            .Connect("again", "inc", "True")
            .Connect("again", "done", "False"));

        result.Status.ShouldBe(WorkflowStatus.Finished);
        _engine.Console.Lines.ShouldBe(["round 1", "round 2", "round 3", "done"]);
        result.State.Variables["Counter"].ShouldBe(3);
    }

    [Fact]
    public async Task RunCSharp_ResultIsReadableThroughOutputFromAndBoundVariables()
    {
        var result = await _engine.RunAsync(new Flow()
            .Variable("Tag", "String")
            .Add("build", "Elsa.RunCSharp", ("script", Flow.Literal("var i = Input.Interview.ToLowerInvariant(); return $\"hellohire - {i} - yes\";")), ("result", Flow.Bind("Tag")))
            .Add("say", "Elsa.WriteLine", Text("Output.From(\"build\")!.GetValue<string>() + \" / \" + Variables.Tag"))
            .Input("Interview")
            .Chain("build", "say"),
            new StartOptions { Input = new Dictionary<string, object?> { ["Interview"] = "CSR" } });

        result.Status.ShouldBe(WorkflowStatus.Finished);
        _engine.Console.Lines.ShouldBe(["hellohire - csr - yes / hellohire - csr - yes"]);
    }

    [Fact]
    public async Task Mappings_AreVisibleToScripts()
    {
        var mappings = new MappingTables(new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["jobs"] = new Dictionary<string, string> { ["hj-1"] = "sr-9" },
        });

        await _engine.RunAsync(
            new Flow().Add("say", "Elsa.WriteLine", Text("(Mappings[\"jobs\"][\"hj-1\"] ?? \"none\") + \",\" + (Mappings[\"jobs\"][\"nope\"] ?? \"none\") + \",\" + Tenant")),
            new StartOptions { Mappings = mappings, TenantId = "acme" });

        _engine.Console.Lines.ShouldBe(["sr-9,none,acme"]);
    }

    [Fact]
    public void Load_CompileError_IsReportedByActivityInputAndLineColumn()
    {
        var blueprint = _engine.Load(new Flow()
            .Add("ok", "Elsa.WriteLine", Text("\"fine\""))
            .Add("bad", "Elsa.WriteLine", Text("var x = 1;\nreturn y + x;")));

        var problem = blueprint.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.CompileError);
        problem.ActivityId.ShouldBe("bad");
        problem.Input.ShouldBe("text");
        problem.Line.ShouldBe(2);
        problem.Column.ShouldBe(8);
        problem.Message.ShouldContain("CS0103");
        problem.ToString().ShouldStartWith("activity bad 'bad' (Elsa.WriteLine): input 'text' (2:8): ");
    }

    [Theory]
    [InlineData("System.IO.File.ReadAllText(\"/etc/passwd\")")]
    [InlineData("Environment.GetEnvironmentVariable(\"RULESENGINE_ADMIN_TOKEN\")")]
    [InlineData("\"\".GetType().Assembly.FullName")]
    public void Load_ForbiddenApi_IsReportedAndBlocksRunning(string code)
    {
        var blueprint = _engine.Load(new Flow().Add("evil", "Elsa.WriteLine", Text(code)));

        blueprint.Problems.ShouldNotBeEmpty();
        blueprint.Problems.ShouldAllBe(p => p.ActivityId == "evil" && p.Input == "text");
        blueprint.Problems.ShouldContain(p => p.Code == ProblemCodes.ForbiddenApi || p.Code == ProblemCodes.CompileError);
        blueprint.IsRunnable.ShouldBeFalse();
        Should.Throw<WorkflowInvalidException>(() => _engine.Runner.StartAsync(blueprint, cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task RunawayLoop_FaultsTheActivityWithinTheBudget_AndTheEngineKeepsWorking()
    {
        using var engine = new TestEngine(s => s.Configure<EngineOptions>(o => o.ScriptTimeBudget = TimeSpan.FromMilliseconds(200)));

        var result = await engine.RunAsync(new Flow()
            .Add("spin", "Elsa.FlowDecision", ("condition", Flow.CSharp("while (true) { } return true;", "Boolean"))));

        result.Status.ShouldBe(WorkflowStatus.Faulted);
        result.Fault!.ActivityId.ShouldBe("spin");
        result.Fault.Message.ShouldContain("input 'condition' (CSharp)");
        result.Fault.Message.ShouldContain("time budget");

        var next = await engine.RunAsync(new Flow().Add("w", "Elsa.WriteLine", Text("\"still alive\"")));
        next.Status.ShouldBe(WorkflowStatus.Finished);
        engine.Console.Lines.ShouldBe(["still alive"]);
    }

    [Fact]
    public async Task UnboundedRecursion_FaultsTheActivityInsteadOfCrashingTheProcess()
    {
        var result = await _engine.RunAsync(new Flow()
            .Add("deep", "Elsa.WriteLine", Text("int F(int n) => F(n + 1) + 1; return F(0).ToString();")));

        result.Status.ShouldBe(WorkflowStatus.Faulted);
        result.Fault!.ActivityId.ShouldBe("deep");
    }

    [Fact]
    public async Task ForEach_RunsItsBodyPerItemWithCurrentValue()
    {
        var json = """
        {"definitionId":"loop","variables":[{"id":"sum","name":"Sum","typeName":"Int32","value":0}],
         "root":{"id":"f","type":"Elsa.Flowchart","activities":[
           {"id":"each","type":"Elsa.ForEach","items":{"typeName":"Object","expression":{"type":"Object","value":"[1,2,3]"}},
            "body":{"id":"add","type":"Elsa.SetVariable","variable":"Sum","value":{"typeName":"Object","expression":{"type":"CSharp","value":"Variables.Sum + Output.From(\"each\")!.GetValue<int>()"}}}},
           {"id":"say","type":"Elsa.WriteLine","text":{"typeName":"String","expression":{"type":"CSharp","value":"$\"sum {Variables.Sum}\""}}}],
          "connections":[{"source":{"activity":"each","port":"Done"},"target":{"activity":"say","port":"In"}}]}}
        """;

        var result = await _engine.RunAsync(json);

        result.Status.ShouldBe(WorkflowStatus.Finished);
        _engine.Console.Lines.ShouldBe(["sum 6"]);
    }

    [Fact]
    public async Task ParallelForEach_EachIterationSeesItsOwnItem_AndIterationsOverlap()
    {
        var json = """
        {"definitionId":"par","variables":[{"id":"item","name":"Item","typeName":"Object"}],
         "root":{"id":"f","type":"Elsa.Flowchart","activities":[
           {"id":"each","type":"Elsa.ParallelForEach","maxDegreeOfParallelism":3,
            "items":{"typeName":"Object","expression":{"type":"Object","value":"[\"a\",\"b\",\"c\",\"d\",\"e\"]"}},
            "currentValue":{"typeName":"Object","memoryReference":{"id":"item"}},
            "body":{"id":"inner","type":"Elsa.Flowchart","activities":[
               {"id":"w1","type":"Elsa.WriteLine","text":{"typeName":"String","expression":{"type":"CSharp","value":"\"start \" + Output.From(\"each\")!.GetValue<string>()"}}},
               {"id":"w2","type":"Elsa.WriteLine","text":{"typeName":"String","expression":{"type":"CSharp","value":"\"end \" + Variables.Item!.GetValue<string>()"}}}],
             "connections":[{"source":{"activity":"w1","port":"Done"},"target":{"activity":"w2","port":"In"}}]}}]}}
        """;

        var result = await _engine.RunAsync(json);

        result.Status.ShouldBe(WorkflowStatus.Finished);
        var lines = _engine.Console.Lines;
        lines.Count.ShouldBe(10);
        foreach (var item in (string[])["a", "b", "c", "d", "e"])
        {
            lines.ShouldContain("start " + item);
            lines.ShouldContain("end " + item);
        }

        // With a degree of 3 the first three iterations start before any of them ends.
        lines.Take(3).ShouldAllBe(l => l.StartsWith("start", StringComparison.Ordinal));
    }
}
