using System.Text.Json.Nodes;
using RulesEngine.Core.Execution;
using Microsoft.Extensions.DependencyInjection;
using RulesEngine.Core.Tests.Support;
using RulesEngine.TestSupport.Workflows;

namespace RulesEngine.Core.Tests.Execution;

public sealed class FlowchartTests : IDisposable
{
    private readonly TestEngine _engine = new();

    public void Dispose() => _engine.Dispose();

    private static (string, object?) Text(string text) => ("text", text);

    private static (string, object?) Condition(bool value) => ("condition", Flow.Literal(value ? "true" : "false", "Boolean"));

    [Fact]
    public async Task Run_NoStartActivity_StartsAtTheOnlyActivityWithoutInboundConnections()
    {
        var result = await _engine.RunAsync(new Flow()
            .Add("b", "Elsa.WriteLine", Text("second"))
            .Add("a", "Elsa.WriteLine", Text("first"))
            .Connect("a", "b"));

        result.Status.ShouldBe(WorkflowStatus.Finished);
        _engine.Console.Lines.ShouldBe(["first", "second"]);
    }

    [Fact]
    public async Task Run_StartActivity_IsPreferredOverOtherRoots()
    {
        var result = await _engine.RunAsync(new Flow()
            .Add("other", "Elsa.WriteLine", Text("other root"))
            .Add("start", "Elsa.Start")
            .Add("a", "Elsa.WriteLine", Text("from start"))
            .Chain("start", "a"));

        _engine.Console.Lines.ShouldBe(["from start"]);
        result.Status.ShouldBe(WorkflowStatus.Finished);
    }

    [Theory]
    [InlineData(true, "yes")]
    [InlineData(false, "no")]
    public async Task FlowDecision_TakesThePortOfTheCondition(bool condition, string expected)
    {
        await _engine.RunAsync(new Flow()
            .Add("d", "Elsa.FlowDecision", Condition(condition))
            .Add("yes", "Elsa.WriteLine", Text("yes"))
            .Add("no", "Elsa.WriteLine", Text("no"))
            .Connect("d", "yes", "True")
            .Connect("d", "no", "False"));

        _engine.Console.Lines.ShouldBe([expected]);
    }

    [Fact]
    public async Task ImplicitJoin_WithAnInactiveBranch_RunsOnceWhenTheActiveBranchArrives()
    {
        var result = await _engine.RunAsync(new Flow()
            .Add("d", "Elsa.FlowDecision", Condition(true))
            .Add("yes", "Elsa.WriteLine", Text("yes"))
            .Add("no", "Elsa.WriteLine", Text("no"))
            .Add("after", "Elsa.WriteLine", Text("after"))
            .Connect("d", "yes", "True")
            .Connect("d", "no", "False")
            .Chain("yes", "after")
            .Chain("no", "after"));

        _engine.Console.Lines.ShouldBe(["yes", "after"]);
        result.State.Journal.Count(j => j.ActivityId == "no").ShouldBe(0);
    }

    [Fact]
    public async Task ImplicitJoin_WaitsForEveryActiveInboundBranch()
    {
        await _engine.RunAsync(new Flow()
            .Add("fork", "Elsa.FlowFork", ("branches", Flow.Literal("A,B")))
            .Add("a1", "Elsa.WriteLine", Text("a1"))
            .Add("a2", "Elsa.WriteLine", Text("a2"))
            .Add("b1", "Elsa.WriteLine", Text("b1"))
            .Add("merge", "Elsa.WriteLine", Text("merge"))
            .Connect("fork", "a1", "A")
            .Connect("fork", "b1", "B")
            .Chain("a1", "a2", "merge")
            .Chain("b1", "merge"));

        _engine.Console.Lines.Count(l => l == "merge").ShouldBe(1);
        _engine.Console.Lines[^1].ShouldBe("merge");
        _engine.Console.Lines.ShouldContain("a2");
        _engine.Console.Lines.ShouldContain("b1");
    }

    [Fact]
    public async Task Fork_Decision_JoinWaitAll_ContinuesOnceAfterBothBranches()
    {
        var result = await _engine.RunAsync(new Flow()
            .Add("fork", "Elsa.FlowFork", ("branches", new JsonObject { ["typeName"] = "String[]", ["expression"] = new JsonObject { ["type"] = "Object", ["value"] = "[\"Left\",\"Right\"]" } }))
            .Add("decide", "Elsa.FlowDecision", Condition(false))
            .Add("t", "Elsa.WriteLine", Text("true branch"))
            .Add("f", "Elsa.WriteLine", Text("false branch"))
            .Add("right", "Elsa.WriteLine", Text("right"))
            .Add("join", "Elsa.FlowJoin", ("mode", Flow.Literal("WaitAll")))
            .Add("done", "Elsa.WriteLine", Text("joined"))
            .Connect("fork", "decide", "Left")
            .Connect("fork", "right", "Right")
            .Connect("decide", "t", "True")
            .Connect("decide", "f", "False")
            .Chain("t", "join")
            .Chain("f", "join")
            .Chain("right", "join")
            .Chain("join", "done"));

        result.Status.ShouldBe(WorkflowStatus.Finished);
        _engine.Console.Lines.ShouldBe(["false branch", "right", "joined"], ignoreOrder: true);
        _engine.Console.Lines[^1].ShouldBe("joined");
        result.State.Journal.Count(j => j.ActivityId == "join").ShouldBe(1);
    }

    [Fact]
    public async Task JoinWaitAny_ContinuesWithTheFirstArrivalOnly()
    {
        await _engine.RunAsync(new Flow()
            .Add("fork", "Elsa.FlowFork", ("branches", Flow.Literal("A,B")))
            .Add("a", "Elsa.WriteLine", Text("a"))
            .Add("b1", "Elsa.WriteLine", Text("b1"))
            .Add("b2", "Elsa.WriteLine", Text("b2"))
            .Add("join", "Elsa.FlowJoin", ("mode", Flow.Literal("WaitAny")))
            .Add("after", "Elsa.WriteLine", Text("after"))
            .Connect("fork", "a", "A")
            .Connect("fork", "b1", "B")
            .Chain("a", "join")
            .Chain("b1", "b2", "join")
            .Chain("join", "after"));

        _engine.Console.Lines.Count(l => l == "after").ShouldBe(1);
        _engine.Console.Lines.ShouldContain("b2");
    }

    [Fact]
    public async Task LoopBackConnection_ThatNeverExits_FaultsAtTheStepLimitInsteadOfHanging()
    {
        using var engine = new TestEngine(s => s.Configure<EngineOptions>(o => o.MaxStepsPerRun = 500));

        var result = await engine.RunAsync(new Flow()
            .Add("start", "Elsa.Start")
            .Add("body", "Elsa.WriteLine", Text("round"))
            .Add("check", "Elsa.FlowDecision", Condition(true))
            .Chain("start", "body", "check")
            .Connect("check", "body", "True"));

        result.Status.ShouldBe(WorkflowStatus.Faulted);
        result.Fault!.Message.ShouldContain("exceeded 500 steps");
        engine.Console.Lines.Count.ShouldBeGreaterThan(10);
    }

    [Fact]
    public async Task LoopBackConnection_WithTwoIncomingPaths_DoesNotWaitOnTheLoop()
    {
        // start → body ← (back edge from check); body must not wait for the back edge on the first pass.
        var result = await _engine.RunAsync(new Flow()
            .Variable("Items", "Object", new JsonArray(1, 2, 3))
            .Add("start", "Elsa.Start")
            .Add("body", "Elsa.WriteLine", Text("body"))
            .Add("check", "Elsa.FlowDecision", Condition(false))
            .Add("end", "Elsa.WriteLine", Text("end"))
            .Chain("start", "body", "check")
            .Connect("check", "body", "True")
            .Connect("check", "end", "False"));

        result.Status.ShouldBe(WorkflowStatus.Finished);
        _engine.Console.Lines.ShouldBe(["body", "end"]);
    }

    [Fact]
    public async Task End_CompletesTheFlowchartAndCancelsOtherBranches()
    {
        var result = await _engine.RunAsync(new Flow()
            .Add("fork", "Elsa.FlowFork", ("branches", Flow.Literal("A,B")))
            .Add("end", "Elsa.End")
            .Add("wait", "Elsa.Delay", ("timeSpan", Flow.Literal("01:00:00")))
            .Add("late", "Elsa.WriteLine", Text("late"))
            .Connect("fork", "wait", "A")
            .Connect("fork", "end", "B")
            .Chain("wait", "late"));

        result.Status.ShouldBe(WorkflowStatus.Finished);
        result.Bookmarks.ShouldBeEmpty();
        _engine.Console.Lines.ShouldBeEmpty();
    }

    [Fact]
    public async Task Finish_StopsTheWholeWorkflowIncludingWaitingBranches()
    {
        var result = await _engine.RunAsync(new Flow()
            .Add("fork", "Elsa.FlowFork", ("branches", Flow.Literal("A,B")))
            .Add("wait", "Elsa.Delay", ("timeSpan", Flow.Literal("1h")))
            .Add("late", "Elsa.WriteLine", Text("late"))
            .Add("a", "Elsa.WriteLine", Text("a"))
            .Add("finish", "Elsa.Finish")
            .Connect("fork", "wait", "A")
            .Connect("fork", "a", "B")
            .Chain("wait", "late")
            .Chain("a", "finish"));

        result.Status.ShouldBe(WorkflowStatus.Finished);
        result.Bookmarks.ShouldBeEmpty();
        _engine.Console.Lines.ShouldBe(["a"]);
    }

    [Fact]
    public void Load_ConnectionFromAPortTheActivityDoesNotHave_IsReported()
    {
        var blueprint = _engine.Load(new Flow().Add("finish", "Elsa.Finish").Add("b", "Elsa.WriteLine", Text("b")).Chain("finish", "b"));

        blueprint.Problems.ShouldHaveSingleItem().ToString().ShouldBe("activity finish 'finish' (Elsa.Finish): connection finish:Done -> b:In leaves from port 'Done', but Elsa.Finish has no outcome ports");
    }

    [Fact]
    public async Task Fault_FaultsTheInstanceWithCodeAndActivity()
    {
        var result = await _engine.RunAsync(new Flow()
            .Add("before", "Elsa.WriteLine", Text("before"))
            .Add("f", "Elsa.Fault", ("code", Flow.Literal("NO_MAPPING")), ("message", Flow.Literal("job is not mapped")))
            .Chain("before", "f"));

        result.Status.ShouldBe(WorkflowStatus.Faulted);
        result.Fault!.ActivityId.ShouldBe("f");
        result.Fault.Code.ShouldBe("NO_MAPPING");
        result.Fault.Message.ShouldContain("job is not mapped");
        result.State.Journal.Single(j => j.ActivityId == "f").Error.ShouldNotBeNull();
        _engine.Console.Lines.ShouldBe(["before"]);
    }

    [Fact]
    public async Task SetVariable_SetOutput_SetName_Correlate_AreVisibleInTheResult()
    {
        var result = await _engine.RunAsync(new Flow()
            .Variable("Total", "Int32", 1)
            .Add("set", "Elsa.SetVariable", ("variable", new JsonObject { ["id"] = "var-Total", ["name"] = "Total" }), ("value", Flow.Literal("41")))
            .Add("out", "Elsa.SetOutput", ("outputName", Flow.Literal("Answer")), ("outputValue", Flow.VariableRef("Total")))
            .Add("name", "Elsa.SetName", ("value", Flow.Literal("candidate 7")))
            .Add("corr", "Elsa.Correlate", ("correlationId", Flow.Literal("cand-7")))
            .Chain("set", "out", "name", "corr"));

        result.State.Variables["Total"].ShouldBe(41);
        result.State.Output["Answer"].ShouldBe(41);
        result.State.Name.ShouldBe("candidate 7");
        result.State.CorrelationId.ShouldBe("cand-7");
    }

    [Fact]
    public async Task FlowSwitch_MatchFirstAndDefault()
    {
        var cases = new JsonArray(
            new JsonObject { ["label"] = "Low", ["condition"] = new JsonObject { ["type"] = "Literal", ["value"] = "false" } },
            new JsonObject { ["label"] = "High", ["condition"] = new JsonObject { ["type"] = "Literal", ["value"] = "true" } },
            new JsonObject { ["label"] = "Also", ["condition"] = new JsonObject { ["type"] = "Literal", ["value"] = "true" } });
        await _engine.RunAsync(new Flow()
            .Add("sw", "Elsa.FlowSwitch", ("cases", cases))
            .Add("low", "Elsa.WriteLine", Text("low"))
            .Add("high", "Elsa.WriteLine", Text("high"))
            .Add("also", "Elsa.WriteLine", Text("also"))
            .Add("def", "Elsa.WriteLine", Text("default"))
            .Connect("sw", "low", "Low")
            .Connect("sw", "high", "High")
            .Connect("sw", "also", "Also")
            .Connect("sw", "def", "Default"));

        _engine.Console.Lines.ShouldBe(["high"]);
    }

    [Fact]
    public async Task FlowSwitch_MatchAny_TakesEveryMatchingCase()
    {
        var cases = new JsonArray(
            new JsonObject { ["label"] = "A", ["condition"] = new JsonObject { ["type"] = "Literal", ["value"] = "true" } },
            new JsonObject { ["label"] = "B", ["condition"] = new JsonObject { ["type"] = "Literal", ["value"] = "true" } });
        await _engine.RunAsync(new Flow()
            .Add("sw", "Elsa.FlowSwitch", ("cases", cases), ("mode", Flow.Literal("MatchAny")))
            .Add("a", "Elsa.WriteLine", Text("a"))
            .Add("b", "Elsa.WriteLine", Text("b"))
            .Connect("sw", "a", "A")
            .Connect("sw", "b", "B"));

        _engine.Console.Lines.ShouldBe(["a", "b"], ignoreOrder: true);
    }

    [Fact]
    public async Task Delay_SuspendsWithATimerBookmark_AndResumesFromSerializedStateInAFreshEngine()
    {
        var json = new Flow()
            .Variable("Step", "String", "before")
            .Add("a", "Elsa.WriteLine", Text("before"))
            .Add("wait", "Elsa.Delay", ("timeSpan", Flow.Literal("00:10:00")))
            .Add("set", "Elsa.SetVariable", ("variable", JsonValue.Create("Step")), ("value", Flow.Literal("after")))
            .Add("b", "Elsa.WriteLine", Text("after"))
            .Chain("a", "wait", "set", "b")
            .ToString();

        var suspended = await _engine.RunAsync(json);

        suspended.Status.ShouldBe(WorkflowStatus.Suspended);
        var bookmark = suspended.Bookmarks.ShouldHaveSingleItem();
        bookmark.Name.ShouldBe("Elsa.Delay");
        bookmark.ResumeAt.ShouldBe(_engine.Clock.GetUtcNow() + TimeSpan.FromMinutes(10));
        var serialized = suspended.State.Serialize();

        using var fresh = new TestEngine();
        var state = WorkflowState.Deserialize(serialized);
        var resumed = await fresh.Runner.ResumeAsync(fresh.Load(json), state, bookmark.Id, cancellationToken: TestContext.Current.CancellationToken);

        resumed.Status.ShouldBe(WorkflowStatus.Finished);
        fresh.Console.Lines.ShouldBe(["after"]);
        resumed.State.Variables["Step"].ShouldBe("after");
        _engine.Console.Lines.ShouldBe(["before"]);
    }

    [Fact]
    public async Task Timer_InsideAFlow_WaitsOneInterval()
    {
        var result = await _engine.RunAsync(new Flow()
            .Add("start", "Elsa.Start")
            .Add("t", "Elsa.Timer", ("interval", Flow.Literal("15m")))
            .Chain("start", "t"));

        result.Status.ShouldBe(WorkflowStatus.Suspended);
        result.Bookmarks.Single().ResumeAt.ShouldBe(_engine.Clock.GetUtcNow().AddMinutes(15));
    }

    [Fact]
    public async Task Timer_AsTheTriggerOfTheRun_CompletesAtOnce()
    {
        var result = await _engine.RunAsync(
            new Flow().Add("t", "Elsa.Timer", ("interval", Flow.Literal("15m"))).Add("w", "Elsa.WriteLine", Text("tick")).Chain("t", "w"),
            new StartOptions { Trigger = new TriggerState { ActivityId = "t" } });

        result.Status.ShouldBe(WorkflowStatus.Finished);
        _engine.Console.Lines.ShouldBe(["tick"]);
    }

    [Fact]
    public async Task Cancellation_StopsTheRunAndMarksItCancelled()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        var result = await _engine.RunWithTokenAsync(new Flow().Add("a", "Elsa.WriteLine", Text("a")), null, cts.Token);

        result.Status.ShouldBe(WorkflowStatus.Cancelled);
        _engine.Console.Lines.ShouldBeEmpty();
    }

    [Fact]
    public async Task Cancel_DropsBookmarksOfASuspendedInstance()
    {
        var result = await _engine.RunAsync(new Flow().Add("wait", "Elsa.Delay", ("timeSpan", Flow.Literal("1h"))));

        _engine.Runner.Cancel(result.State);

        result.State.Status.ShouldBe(WorkflowStatus.Cancelled);
        result.State.Bookmarks.ShouldBeEmpty();
    }

    [Fact]
    public async Task Retry_RunsAFaultedInstanceAgainFromTheFaultedActivity()
    {
        var json = new Flow()
            .Variable("Source", "String", "not a number")
            .Variable("Count", "Int32")
            .Add("a", "Elsa.WriteLine", Text("a"))
            .Add("set", "Elsa.SetVariable", ("variable", JsonValue.Create("Count")), ("value", Flow.VariableRef("Source")))
            .Add("b", "Elsa.WriteLine", Text("b"))
            .Chain("a", "set", "b")
            .ToString();
        var blueprint = _engine.Load(json);
        var faulted = await _engine.Runner.StartAsync(blueprint, cancellationToken: TestContext.Current.CancellationToken);
        faulted.Status.ShouldBe(WorkflowStatus.Faulted);
        faulted.Fault!.ActivityId.ShouldBe("set");
        faulted.Fault.Message.ShouldContain("cannot convert String 'not a number' to Int32");

        // Someone fixes the data; the retry runs "set" again (not "a") and goes on.
        faulted.State.Variables["Source"] = "42";
        var retried = await _engine.Runner.RetryAsync(blueprint, faulted.State, cancellationToken: TestContext.Current.CancellationToken);

        retried.Status.ShouldBe(WorkflowStatus.Finished);
        retried.State.Variables["Count"].ShouldBe(42);
        _engine.Console.Lines.ShouldBe(["a", "b"]);
    }

    [Fact]
    public async Task Retry_OfAFinishedInstance_IsRefused()
    {
        var blueprint = _engine.Load(new Flow().Add("a", "Elsa.WriteLine", Text("a")));
        var finished = await _engine.Runner.StartAsync(blueprint, cancellationToken: TestContext.Current.CancellationToken);

        var ex = await Should.ThrowAsync<InvalidOperationException>(() => _engine.Runner.RetryAsync(blueprint, finished.State, cancellationToken: TestContext.Current.CancellationToken));
        ex.Message.ShouldContain("only faulted instances can be retried");
    }

    [Fact]
    public async Task Sequence_RunsChildrenInOrder()
    {
        var json = """
        {"definitionId":"seq","root":{"id":"s","type":"Elsa.Sequence","activities":[
          {"id":"a","type":"Elsa.WriteLine","text":"one"},
          {"id":"b","type":"Elsa.WriteLine","text":"two"},
          {"id":"c","type":"Elsa.WriteLine","text":"three"}]}}
        """;

        var result = await _engine.RunAsync(json);

        result.Status.ShouldBe(WorkflowStatus.Finished);
        _engine.Console.Lines.ShouldBe(["one", "two", "three"]);
    }

    [Fact]
    public async Task Complete_InANestedFlowchart_CompletesItWithTheGivenOutcome()
    {
        var json = """
        {"definitionId":"nested","root":{"id":"outer","type":"Elsa.Flowchart","activities":[
          {"id":"inner","type":"Elsa.Flowchart","activities":[
             {"id":"fork","type":"Elsa.FlowFork","branches":"A,B"},
             {"id":"c","type":"Elsa.Complete","outcomes":{"typeName":"String[]","expression":{"type":"Object","value":"[\"Approved\"]"}}},
             {"id":"wait","type":"Elsa.Delay","timeSpan":"1h"},
             {"id":"never","type":"Elsa.WriteLine","text":"never"}],
           "connections":[{"source":{"activity":"fork","port":"A"},"target":{"activity":"c","port":"In"}},
                          {"source":{"activity":"fork","port":"B"},"target":{"activity":"wait","port":"In"}},
                          {"source":{"activity":"wait","port":"Done"},"target":{"activity":"never","port":"In"}}]},
          {"id":"ok","type":"Elsa.WriteLine","text":"approved"},
          {"id":"other","type":"Elsa.WriteLine","text":"other"}],
         "connections":[{"source":{"activity":"inner","port":"Approved"},"target":{"activity":"ok","port":"In"}},
                        {"source":{"activity":"inner","port":"Done"},"target":{"activity":"other","port":"In"}}]}}
        """;

        var result = await _engine.RunAsync(json);

        result.Status.ShouldBe(WorkflowStatus.Finished);
        result.Bookmarks.ShouldBeEmpty();
        _engine.Console.Lines.ShouldBe(["approved"]);
    }

    [Fact]
    public async Task Journal_RecordsEachActivityRunWithOutcomesTimesAndInputs()
    {
        var result = await _engine.RunAsync(new Flow()
            .Add("d", "Elsa.FlowDecision", Condition(true))
            .Add("w", "Elsa.WriteLine", Text("hi"))
            .Connect("d", "w", "True"));

        var d = result.State.Journal.Single(j => j.ActivityId == "d");
        d.ActivityType.ShouldBe("Elsa.FlowDecision");
        d.Outcomes.ShouldBe(["True"]);
        d.StartedAt.ShouldBe(_engine.Clock.GetUtcNow());
        d.Inputs!["condition"].ShouldBe(true);
        result.State.Journal.Single(j => j.ActivityId == "w").Inputs!["text"].ShouldBe("hi");
        result.State.Journal.Single(j => j.ActivityType == "Elsa.Flowchart").Status.ShouldBe("Completed");
    }
}
