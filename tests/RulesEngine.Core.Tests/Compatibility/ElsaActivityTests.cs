using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RulesEngine.Core.Execution;
using RulesEngine.Core.Sdk;
using RulesEngine.Core.Tests.Support;
using RulesEngine.Core.Validation;
using RulesEngine.TestSupport.Workflows;

namespace RulesEngine.Core.Tests.Compatibility;

[Collection(CompatibilityCollection.Name)]
public sealed class ElsaActivityTests : IDisposable
{
    private readonly RecordingEventPublisher _published = new();
    private readonly TestEngine _engine;

    public ElsaActivityTests() => _engine = new TestEngine(s => s.AddSingleton<IEventPublisher>(_published));

    public void Dispose() => _engine.Dispose();

    private static (string, object?) Text(string text) => ("text", text);

    [Theory]
    [InlineData(true, "then", "on true")]
    [InlineData(false, "else", "on false")]
    public async Task If_RunsThenOrElse_ThenContinuesThroughTrueOrFalseAndDone(bool condition, string branch, string port)
    {
        var result = await _engine.RunAsync(new Flow()
            .Add("if", "Elsa.If", ("condition", Elsa.Js(condition ? "1 < 2" : "1 > 2", "Boolean")), ("then", Elsa.WriteLine("t", "then")), ("else", Elsa.WriteLine("e", "else")))
            .Add("yes", "Elsa.WriteLine", Text("on true"))
            .Add("no", "Elsa.WriteLine", Text("on false"))
            .Add("done", "Elsa.WriteLine", Text("done"))
            .Connect("if", "yes", "True")
            .Connect("if", "no", "False")
            .Connect("if", "done", "Done"));

        result.Status.ShouldBe(WorkflowStatus.Finished);
        _engine.Console.Lines[0].ShouldBe(branch);
        _engine.Console.Lines.Skip(1).ShouldBe([port, "done"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("MatchFirst", 5, new[] { "second" })]
    [InlineData("MatchAny", 5, new[] { "second", "third" })]
    [InlineData("MatchFirst", 0, new[] { "default" })]
    public async Task Switch_RunsTheMatchingCaseActivities_OrTheDefault(string mode, int count, string[] expected)
    {
        var cases = new JsonArray(
            new JsonObject { ["label"] = "Never", ["condition"] = new JsonObject { ["type"] = "JavaScript", ["value"] = "false" }, ["activity"] = Elsa.WriteLine("c1", "first") },
            new JsonObject { ["label"] = "Some", ["condition"] = new JsonObject { ["type"] = "JavaScript", ["value"] = "getCount() > 1" }, ["activity"] = Elsa.WriteLine("c2", "second") },
            new JsonObject { ["label"] = "Many", ["condition"] = new JsonObject { ["type"] = "CSharp", ["value"] = "Variables.Count > 2" }, ["activity"] = Elsa.WriteLine("c3", "third") });

        var result = await _engine.RunAsync(new Flow()
            .Variable("Count", "Int32", count)
            .Add("switch", "Elsa.Switch", ("mode", Flow.Literal(mode)), ("cases", cases), ("default", Elsa.WriteLine("d", "default")))
            .Add("after", "Elsa.WriteLine", Text("after"))
            .Chain("switch", "after"));

        result.Status.ShouldBe(WorkflowStatus.Finished);
        _engine.Console.Lines.ShouldBe([.. expected, "after"]);
    }

    [Fact]
    public async Task While_RepeatsTheBodyWhileTheConditionHolds()
    {
        var result = await _engine.RunAsync(new Flow()
            .Variable("Count", "Int32", 0)
            .Add("loop", "Elsa.While", ("condition", Elsa.Js("getCount() < 3", "Boolean")), ("body", Elsa.SetVariableJs("inc", "Count", "getCount() + 1")))
            .Add("after", "Elsa.WriteLine", ("text", Elsa.Js("'count ' + getCount()", "String")))
            .Chain("loop", "after"));

        result.Status.ShouldBe(WorkflowStatus.Finished);
        result.State.Variables["Count"].ShouldBe(3);
        _engine.Console.Lines.ShouldBe(["count 3"]);
    }

    [Fact]
    public async Task Break_EndsAWhileTrueLoop_AndTheFlowContinuesAfterIt()
    {
        var body = Elsa.Sequence("body",
            Elsa.SetVariableJs("inc", "Count", "getCount() + 1"),
            Elsa.If("check", "getCount() >= 3", then: Elsa.Break("stop")),
            Elsa.WriteLineJs("say", "'iteration ' + getCount()"));

        var result = await _engine.RunAsync(new Flow()
            .Variable("Count", "Int32", 0)
            .Add("loop", "Elsa.While", ("condition", Flow.Literal("true", "Boolean")), ("body", body))
            .Add("after", "Elsa.WriteLine", Text("after"))
            .Chain("loop", "after"));

        result.Status.ShouldBe(WorkflowStatus.Finished);
        result.State.Variables["Count"].ShouldBe(3);
        _engine.Console.Lines.ShouldBe(["iteration 1", "iteration 2", "after"]);
    }

    [Fact]
    public async Task Break_EndsAForEach()
    {
        var body = Elsa.Sequence("body",
            Elsa.WriteLineJs("say", "'item ' + getOutputFrom('each', 'currentValue')"),
            Elsa.If("check", "getOutputFrom('each', 'currentValue') == 3", then: Elsa.Break("stop")));

        var result = await _engine.RunAsync(new Flow()
            .Add("each", "Elsa.ForEach", ("items", Flow.Expr("Object", "[1,2,3,4,5]")), ("body", body))
            .Add("after", "Elsa.WriteLine", Text("after"))
            .Chain("each", "after"));

        result.Status.ShouldBe(WorkflowStatus.Finished);
        _engine.Console.Lines.ShouldBe(["item 1", "item 2", "item 3", "after"]);
    }

    [Fact]
    public async Task Break_EndsAParallelForEach_CancellingIterationsStillWaiting()
    {
        // Iteration 1 breaks; the others wait for an event that never comes, and are cancelled with their bookmarks.
        var body = Elsa.If("check", "getOutputFrom('each', 'currentValue') == 1", then: Elsa.Break("stop"), @else: Elsa.Event("wait", "Never"));

        var result = await _engine.RunAsync(new Flow()
            .Add("each", "Elsa.ParallelForEach", ("items", Flow.Expr("Object", "[3,2,1]")), ("body", body))
            .Add("after", "Elsa.WriteLine", Text("after"))
            .Chain("each", "after"));

        result.Status.ShouldBe(WorkflowStatus.Finished);
        result.Bookmarks.ShouldBeEmpty();
        _engine.Console.Lines.ShouldBe(["after"]);
    }

    [Fact]
    public async Task Fork_WaitAll_CompletesAfterEveryBranch()
    {
        var result = await _engine.RunAsync(new Flow()
            .Add("fork", "Elsa.Fork", ("joinMode", JsonValue.Create("WaitAll")), ("branches", new JsonArray(
                Elsa.WriteLine("a", "a"),
                Elsa.Sequence("b", Elsa.WriteLine("b1", "b1"), Elsa.WriteLine("b2", "b2")))))
            .Add("after", "Elsa.WriteLine", Text("after"))
            .Chain("fork", "after"));

        result.Status.ShouldBe(WorkflowStatus.Finished);
        _engine.Console.Lines.ShouldBe(["a", "b1", "b2", "after"], ignoreOrder: true);
        _engine.Console.Lines[^1].ShouldBe("after");
    }

    [Fact]
    public async Task Fork_WaitAll_WaitsForABlockedBranch_ThenResumes()
    {
        var json = new Flow()
            .Add("fork", "Elsa.Fork", ("branches", new JsonArray(Elsa.Event("wait", "Go"), Elsa.WriteLine("a", "a"))))
            .Add("after", "Elsa.WriteLine", Text("after"))
            .Chain("fork", "after")
            .ToString();

        var suspended = await _engine.RunAsync(json);

        suspended.Status.ShouldBe(WorkflowStatus.Suspended);
        _engine.Console.Lines.ShouldBe(["a"]);
        var resumed = await EventBookmarks.ResumeAsync(_engine.Runner, _engine.Load(json), suspended.State, "Go", null, null, TestContext.Current.CancellationToken);
        resumed.Status.ShouldBe(WorkflowStatus.Finished);
        _engine.Console.Lines.ShouldBe(["a", "after"]);
    }

    [Fact]
    public async Task Fork_WaitAny_CompletesWithTheFirstBranch_AndCancelsTheOthersBookmarks()
    {
        var result = await _engine.RunAsync(new Flow()
            .Add("fork", "Elsa.Fork", ("joinMode", JsonValue.Create("WaitAny")), ("branches", new JsonArray(Elsa.Event("wait", "Never"), Elsa.WriteLine("fast", "fast"))))
            .Add("after", "Elsa.WriteLine", Text("after"))
            .Chain("fork", "after"));

        result.Fault?.Message.ShouldBeNull();
        result.Status.ShouldBe(WorkflowStatus.Finished);
        result.Bookmarks.ShouldBeEmpty();
        _engine.Console.Lines.ShouldBe(["fast", "after"]);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("WaitAny", true)]
    [InlineData("WaitAll", false)]
    public async Task Join_WaitAnyByDefault_ContinuesWithTheFirstArrival(string? mode, bool continues)
    {
        var flow = new Flow()
            .Add("fork", "Elsa.FlowFork", ("branches", Flow.Literal("A,B")))
            .Add("a", "Elsa.WriteLine", Text("a"))
            .Add("b", "Elsa.Event", ("eventName", Flow.Literal("Never")));
        flow = mode is null ? flow.Add("join", "Elsa.Join") : flow.Add("join", "Elsa.Join", ("joinMode", Flow.Literal(mode)));
        var result = await _engine.RunAsync(flow
            .Add("after", "Elsa.WriteLine", Text("after"))
            .Connect("fork", "a", "A")
            .Connect("fork", "b", "B")
            .Chain("a", "join")
            .Chain("b", "join")
            .Chain("join", "after"));

        result.Status.ShouldBe(WorkflowStatus.Suspended);
        _engine.Console.Lines.Contains("after").ShouldBe(continues);
    }

    [Fact]
    public async Task FlowNode_PassesThrough()
    {
        await _engine.RunAsync(new Flow()
            .Add("a", "Elsa.WriteLine", Text("a"))
            .Add("node", "Elsa.FlowNode")
            .Add("b", "Elsa.WriteLine", Text("b"))
            .Chain("a", "node", "b"));

        _engine.Console.Lines.ShouldBe(["a", "b"]);
    }

    [Fact]
    public async Task StartAt_InTheFuture_WaitsOnATimerBookmark_InThePast_ContinuesAtOnce()
    {
        var at = _engine.Clock.GetUtcNow().AddHours(3);
        var waiting = await _engine.RunAsync(new Flow()
            .Add("at", "Elsa.StartAt", ("dateTime", Flow.Literal(at.ToString("O"), "DateTimeOffset")))
            .Add("b", "Elsa.WriteLine", Text("b"))
            .Chain("at", "b"));

        waiting.Status.ShouldBe(WorkflowStatus.Suspended);
        var bookmark = waiting.Bookmarks.ShouldHaveSingleItem();
        bookmark.Name.ShouldBe("Elsa.StartAt");
        bookmark.ResumeAt.ShouldBe(at);

        var past = await _engine.RunAsync(new Flow()
            .Add("at", "Elsa.StartAt", ("dateTime", Flow.Literal(_engine.Clock.GetUtcNow().AddHours(-1).ToString("O"), "DateTimeOffset")))
            .Add("b", "Elsa.WriteLine", Text("b"))
            .Chain("at", "b"));
        past.Status.ShouldBe(WorkflowStatus.Finished);
        _engine.Console.Lines.ShouldBe(["b"]);
    }

    [Fact]
    public async Task Event_WaitsOnABookmarkNamedByTheEvent_AndOutputsThePayloadWhenResumed()
    {
        var json = new Flow()
            .Variable("Decision", "Object")
            .Add("wait", "Elsa.Event", ("eventName", Flow.Literal("Approved")), ("result", Flow.Bind("Decision")))
            .Add("say", "Elsa.WriteLine", ("text", Elsa.Js("'approved by ' + getDecision().by", "String")))
            .Chain("wait", "say")
            .ToString();

        var suspended = await _engine.RunAsync(json, new StartOptions { CorrelationId = "cand-1" });

        var bookmark = suspended.Bookmarks.ShouldHaveSingleItem();
        bookmark.Name.ShouldBe("Elsa.Event");
        bookmark.Key.ShouldBe("Approved");
        bookmark.CorrelationId.ShouldBe("cand-1");
        var resumed = await _engine.Runner.ResumeAsync(_engine.Load(json), suspended.State, bookmark.Id, JsonNode.Parse("""{"by":"hm"}"""), cancellationToken: TestContext.Current.CancellationToken);
        resumed.Status.ShouldBe(WorkflowStatus.Finished);
        _engine.Console.Lines.ShouldBe(["approved by hm"]);
    }

    [Fact]
    public async Task Event_AsTheTriggerOfTheRun_CompletesWithTheTriggerPayload()
    {
        var result = await _engine.RunAsync(
            new Flow()
                .Add("start", "Elsa.Event", ("eventName", Flow.Literal("CandidateHired")))
                .Add("say", "Elsa.WriteLine", ("text", Elsa.Js("'hired ' + getOutputFrom('start').candidateId", "String")))
                .Chain("start", "say"),
            new StartOptions { Trigger = new TriggerState { ActivityId = "start", Body = JsonNode.Parse("""{"candidateId":"c-5"}""") } });

        result.Status.ShouldBe(WorkflowStatus.Finished);
        _engine.Console.Lines.ShouldBe(["hired c-5"]);
    }

    [Fact]
    public async Task PublishEvent_HandsNameCorrelationAndPayloadToThePublisher()
    {
        var result = await _engine.RunAsync(
            new Flow()
                .Add("pub", "Elsa.PublishEvent", ("eventName", Flow.Literal("Approved")), ("correlationId", Elsa.Js("getCorrelationId()", "String")), ("payload", Elsa.Js("({ by: 'hm', score: 4 })"))),
            new StartOptions { CorrelationId = "cand-9", TenantId = "acme", InstanceId = "i-1" });

        result.Status.ShouldBe(WorkflowStatus.Finished);
        var published = _published.Events.ShouldHaveSingleItem();
        published.EventName.ShouldBe("Approved");
        published.CorrelationId.ShouldBe("cand-9");
        published.Payload!.ToJsonString().ShouldBe("""{"by":"hm","score":4}""");
        published.TenantId.ShouldBe("acme");
        published.SourceInstanceId.ShouldBe("i-1");
    }

    [Fact]
    public async Task PublishEvent_WithoutAHost_IsANoOp()
    {
        using var plain = new TestEngine();

        var result = await plain.RunAsync(new Flow().Add("pub", "Elsa.PublishEvent", ("eventName", Flow.Literal("Approved"))));

        result.Status.ShouldBe(WorkflowStatus.Finished);
    }

    [Theory]
    [InlineData(5, "approve")]
    [InlineData(1, "reject")]
    public async Task RunJavaScript_SetOutcome_ChoosesThePort_AndResultIsTheLastValue(int score, string expected)
    {
        var result = await _engine.RunAsync(new Flow()
            .Variable("Score", "Int32", score)
            .Variable("Verdict", "Object")
            .Add("js", "Elsa.RunJavaScript",
                ("script", Flow.Literal("if (getScore() > 3) setOutcome('Approve'); else setOutcomes(['Reject']);\ngetScore() * 10")),
                ("possibleOutcomes", new JsonArray("Approve", "Reject")),
                ("result", Flow.Bind("Verdict")))
            .Add("approve", "Elsa.WriteLine", Text("approve"))
            .Add("reject", "Elsa.WriteLine", Text("reject"))
            .Connect("js", "approve", "Approve")
            .Connect("js", "reject", "Reject"));

        result.Status.ShouldBe(WorkflowStatus.Finished);
        _engine.Console.Lines.ShouldBe([expected]);
        ValueConverter.Convert<int>(result.State.Variables["Verdict"]).ShouldBe(score * 10);
    }

    [Fact]
    public async Task OutputBoundToADeclaredWorkflowOutput_WritesThatOutput()
    {
        var json = new Flow()
            .Add("js", "Elsa.RunJavaScript", ("script", Flow.Literal("({ total: 3 })")), ("result", new JsonObject { ["typeName"] = "Object", ["memoryReference"] = new JsonObject { ["id"] = "Summary" } }))
            .ToJson();
        json["outputs"] = new JsonArray(new JsonObject { ["name"] = "Summary", ["type"] = "Object" });

        var result = await _engine.RunAsync(json.ToJsonString());

        ValueConverter.ToNode(result.State.Output["Summary"])!.ToJsonString().ShouldBe("""{"total":3}""");
    }

    [Theory]
    [InlineData("cronExpression", "0 61 * * *", "input 'cronExpression': '0 61 * * *' is not a valid cron expression")]
    [InlineData("cronExpression", "every day", "has 2 fields")]
    [InlineData("timeZone", "Mars/Olympus", "input 'timeZone': 'Mars/Olympus' is not a known time zone")]
    public void Cron_InvalidScheduleOrZone_IsReportedAtLoad_AgainstItsActivityAndInput(string input, string value, string message)
    {
        var blueprint = _engine.Load(new Flow().Add("nightly", "Elsa.Cron", (input, Flow.Literal(value))));

        var problem = blueprint.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCodes.InvalidInput);
        problem.ActivityId.ShouldBe("nightly");
        problem.Input.ShouldBe(input);
        problem.Message.ShouldContain(message);
        blueprint.IsRunnable.ShouldBeFalse();
    }

    [Fact]
    public void Timer_IntervalUnderASecond_IsReportedAtLoad()
    {
        var problem = _engine.Load(new Flow().Add("tick", "Elsa.Timer", ("interval", Flow.Literal("00:00:00")))).Problems.ShouldHaveSingleItem();

        problem.Input.ShouldBe("interval");
        problem.Message.ShouldContain("it must be at least one second");
    }

    [Fact]
    public void Cron_UnixAndQuartzForms_LoadWithoutProblems() =>
        _engine.Load(new Flow()
            .Add("unix", "Elsa.Cron", ("cronExpression", Flow.Literal("*/15 8-17 * * 1-5")), ("timeZone", Flow.Literal("Europe/Warsaw")))
            .Add("quartz", "Elsa.Cron", ("cronExpression", Flow.Literal("0 0/15 8-17 ? * MON-FRI 2027"))))
            .Problems.ShouldBeEmpty();
}
