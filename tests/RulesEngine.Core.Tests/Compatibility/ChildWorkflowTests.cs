using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RulesEngine.Core.Composition;
using RulesEngine.Core.Execution;
using RulesEngine.Core.Tests.Support;
using RulesEngine.TestSupport.Workflows;

namespace RulesEngine.Core.Tests.Compatibility;

/// <summary>Elsa.ExecuteWorkflow and published workflows used as activities, from the Elsa fixtures.</summary>
[Collection(CompatibilityCollection.Name)]
public sealed class ChildWorkflowTests : IDisposable
{
    private readonly RecordingStarter _starter = new();
    private readonly TestEngine _engine;

    public ChildWorkflowTests() => _engine = new TestEngine(s => s
        .AddSingleton<IWorkflowDefinitionSource>(sp => new FixtureWorkflowSource(sp.GetRequiredService<RulesEngine.Core.Serialization.WorkflowJsonReader>(), sp.GetRequiredService<WorkflowLoader>())));

    public void Dispose() => _engine.Dispose();

    private FixtureWorkflowSource Source => (FixtureWorkflowSource)_engine.Services.GetRequiredService<IWorkflowDefinitionSource>();

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Elsa", name));

    private static StartOptions Input(params (string Name, object? Value)[] values) =>
        new() { Input = values.ToDictionary(v => v.Name, v => v.Value) };

    [Fact]
    public async Task ExecuteWorkflow_WaitingForCompletion_RunsThePublishedChild_AndOutputsItsOutputsAsResult()
    {
        var result = await _engine.RunAsync(Fixture("parent-execute-workflow.json"), Input(("CandidateId", "c-7"), ("Score", 80)));

        result.Status.ShouldBe(WorkflowStatus.Finished);
        result.State.Output["Tier"].ShouldBe("gold-v2");
        result.State.Output["Summary"].ShouldBe("c-7:gold");
        var childResult = ValueConverter.ToNode(result.State.Variables["ChildResult"])!.AsObject();
        childResult["Tier"]!.GetValue<string>().ShouldBe("gold-v2");
        Source.Requests.ShouldBe([("score-candidate", (int?)null)]);
    }

    [Theory]
    [InlineData(80, "hire gold-v1", "C-7:gold")]
    [InlineData(60, "hire basic-v1", "C-7:basic")]
    [InlineData(30, "reject basic-v1", "C-7:basic")]
    public async Task WorkflowAsActivity_RunsThePinnedVersion_MapsInputsAndOutputs_AndContinuesThroughTheChildsOutcome(int score, string decision, string summary)
    {
        var result = await _engine.RunAsync(Fixture("parent-workflow-activity.json"), Input(("CandidateId", "c-7"), ("Score", score)));

        result.Status.ShouldBe(WorkflowStatus.Finished);
        result.State.Output["Decision"].ShouldBe(decision);
        result.State.Output["Summary"].ShouldBe(summary);
        result.State.Variables["Tier"].ShouldBe(decision.Split(' ')[1]);
        result.State.ActivityOutputs["a-score"]["Tier"].ShouldBe(decision.Split(' ')[1]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(9)]
    public async Task WorkflowAsActivity_WithoutAPinnedVersion_OrWithOneThatDoesNotExist_RunsThePublishedVersion(int? pinned)
    {
        var json = JsonNode.Parse(Fixture("parent-workflow-activity.json"))!;
        var node = json["root"]!["activities"]![0]!.AsObject();
        node.Remove("version");
        if (pinned is { } v)
        {
            node["version"] = v;
        }

        var result = await _engine.RunAsync(json.ToJsonString(), Input(("CandidateId", "c-1"), ("Score", 75)));

        result.Status.ShouldBe(WorkflowStatus.Finished);
        result.State.Output["Decision"].ShouldBe("hire gold-v2");
    }

    [Fact]
    public async Task ChildThatWaitsForAnEvent_SuspendsTheParent_AndTheEventResumesItThroughTheParent()
    {
        var json = Fixture("parent-await-child.json");
        var waiting = await _engine.RunAsync(json, Input(("CandidateId", "c-9")));

        waiting.Status.ShouldBe(WorkflowStatus.Suspended);
        var bookmark = waiting.State.Bookmarks.ShouldHaveSingleItem();
        bookmark.Name.ShouldBe(EventBookmarks.BookmarkName);
        bookmark.Key.ShouldBe("OfferSigned");
        bookmark.CorrelationId.ShouldBe("c-9");
        EventBookmarks.Find(waiting.State, "OfferSigned", "c-8").ShouldBeEmpty();

        // The parked child survives the parent's serialisation (the host stores only the parent).
        var restored = WorkflowState.Deserialize(waiting.State.Serialize());
        var done = await EventBookmarks.ResumeAsync(_engine.Runner, _engine.Load(json), restored, "OfferSigned", "c-9", JsonNode.Parse("""{"on":"2026-12-01"}"""), TestContext.Current.CancellationToken);

        done.Status.ShouldBe(WorkflowStatus.Finished);
        done.State.Output["Signed"].ShouldBe("Engineer signed on 2026-12-01");
        done.State.Bookmarks.ShouldBeEmpty();
    }

    [Fact]
    public async Task ExecuteWorkflow_OfAWorkflowWithoutAPublishedVersion_FaultsTheActivityNamingIt()
    {
        var json = new Flow()
            .Add("call", "Elsa.ExecuteWorkflow", ("workflowDefinitionId", Flow.Literal("no-such-flow")), ("waitForCompletion", Flow.Literal("true", "Boolean")))
            .ToString();

        var result = await _engine.RunAsync(json);

        result.Status.ShouldBe(WorkflowStatus.Faulted);
        result.State.Fault!.ActivityId.ShouldBe("call");
        result.State.Fault.Message.ShouldContain("workflow 'no-such-flow' has no published version");
    }

    [Fact]
    public async Task ChildFault_FaultsTheParentActivity_WithTheChildsActivityAndMessage()
    {
        Source.Add("""
            {"definitionId":"broken","version":1,"isPublished":true,
             "root":{"id":"b","type":"Elsa.Flowchart","activities":[{"id":"boom","type":"Elsa.Fault","message":"no offer template"}]}}
            """);
        var json = new Flow()
            .Add("call", "Elsa.ExecuteWorkflow", ("workflowDefinitionId", Flow.Literal("broken")), ("waitForCompletion", Flow.Literal("true", "Boolean")))
            .ToString();

        var result = await _engine.RunAsync(json);

        result.Status.ShouldBe(WorkflowStatus.Faulted);
        result.State.Fault!.ActivityId.ShouldBe("call");
        result.State.Fault.Message.ShouldContain("child workflow 'broken' v1 faulted at activity 'boom'");
        result.State.Fault.Message.ShouldContain("no offer template");
    }

    [Fact]
    public async Task WorkflowThatRunsItself_StopsAtTheNestingLimit()
    {
        Source.Add("""
            {"definitionId":"again","version":1,"isPublished":true,
             "root":{"id":"r","type":"Elsa.Flowchart","activities":[{"id":"self","type":"Elsa.ExecuteWorkflow","workflowDefinitionId":"again","waitForCompletion":true}]}}
            """);
        var json = new Flow().Add("call", "Elsa.ExecuteWorkflow", ("workflowDefinitionId", Flow.Literal("again")), ("waitForCompletion", Flow.Literal("true", "Boolean"))).ToString();

        var result = await _engine.RunAsync(json);

        result.Status.ShouldBe(WorkflowStatus.Faulted);
        result.State.Fault!.Message.ShouldContain($"nested more than {ChildWorkflowRun.MaxDepth} deep");
    }

    [Fact]
    public async Task ExecuteWorkflow_NotWaiting_HandsTheChildToTheStarter_AndGoesOnAtOnce()
    {
        using var engine = new TestEngine(s => s.AddSingleton<IWorkflowStarter>(_starter)
            .AddSingleton<IWorkflowDefinitionSource>(sp => new FixtureWorkflowSource(sp.GetRequiredService<RulesEngine.Core.Serialization.WorkflowJsonReader>(), sp.GetRequiredService<WorkflowLoader>())));
        var json = new Flow()
            .Input("CandidateId")
            .Add("call", "Elsa.ExecuteWorkflow", ("workflowDefinitionId", Flow.Literal("score-candidate")),
                ("input", Flow.Expr("JavaScript", "({ CandidateId: getCandidateId(), Score: 10 })")), ("correlationId", Flow.Literal("corr-1")))
            .Add("after", "Elsa.WriteLine", ("text", Flow.Literal("went on")))
            .Chain("call", "after")
            .ToString();

        var result = await engine.RunAsync(json, Input(("CandidateId", "c-3")));

        result.Status.ShouldBe(WorkflowStatus.Finished);
        engine.Console.Lines.ShouldBe(["went on"]);
        var started = _starter.Started.ShouldHaveSingleItem();
        started.DefinitionId.ShouldBe("score-candidate");
        started.CorrelationId.ShouldBe("corr-1");
        ValueConverter.ToNode(started.Input["CandidateId"])!.GetValue<string>().ShouldBe("c-3");
    }

    private sealed class RecordingStarter : IWorkflowStarter
    {
        public List<(string DefinitionId, IReadOnlyDictionary<string, object?> Input, string? CorrelationId)> Started { get; } = [];

        public ValueTask<string> StartAsync(string tenantId, string definitionId, IReadOnlyDictionary<string, object?> input, string? correlationId, CancellationToken cancellationToken)
        {
            Started.Add((definitionId, input, correlationId));
            return ValueTask.FromResult("child-" + Started.Count);
        }
    }
}
