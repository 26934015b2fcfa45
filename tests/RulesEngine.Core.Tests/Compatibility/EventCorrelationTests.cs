using System.Text.Json.Nodes;
using RulesEngine.Core.Execution;
using RulesEngine.Core.Tests.Support;
using RulesEngine.TestSupport.Workflows;

namespace RulesEngine.Core.Tests.Compatibility;

[Collection(CompatibilityCollection.Name)]
public sealed class EventCorrelationTests : IDisposable
{
    private readonly TestEngine _engine = new();

    public void Dispose() => _engine.Dispose();

    private static readonly string Workflow = new Flow()
        .Variable("Decision", "Object")
        .Input("CandidateId")
        .Add("correlate", "Elsa.Correlate", ("correlationId", Flow.Expr("JavaScript", "getCandidateId()", "String")))
        .Add("wait", "Elsa.Event", ("eventName", Flow.Literal("OfferAccepted")), ("result", Flow.Bind("Decision")))
        .Add("done", "Elsa.SetOutput", ("outputName", Flow.Literal("AcceptedOn")), ("outputValue", Flow.Expr("JavaScript", "getDecision().on")))
        .Chain("correlate", "wait", "done")
        .ToString();

    private async Task<WorkflowState> StartAsync(string candidate)
    {
        var result = await _engine.RunAsync(Workflow, new StartOptions { Input = new Dictionary<string, object?> { ["CandidateId"] = candidate } });
        result.Status.ShouldBe(WorkflowStatus.Suspended);
        return result.State;
    }

    [Fact]
    public async Task PublishedEvent_ResumesOnlyTheInstancesWithTheMatchingNameAndCorrelation()
    {
        var blueprint = _engine.Load(Workflow);
        WorkflowState[] states = [await StartAsync("A"), await StartAsync("A"), await StartAsync("B")];
        var payload = JsonNode.Parse("""{"on":"2026-11-30"}""");

        // A different event name touches nothing.
        foreach (var state in states)
        {
            EventBookmarks.Find(state, "OfferDeclined", "A").ShouldBeEmpty();
        }

        var results = new List<RunResult>();
        foreach (var state in states)
        {
            results.Add(await EventBookmarks.ResumeAsync(_engine.Runner, blueprint, state, "OfferAccepted", "A", payload, TestContext.Current.CancellationToken));
        }

        results[0].Status.ShouldBe(WorkflowStatus.Finished);
        results[1].Status.ShouldBe(WorkflowStatus.Finished);
        results[0].State.Output["AcceptedOn"].ShouldBe("2026-11-30");
        results[1].State.Output["AcceptedOn"].ShouldBe("2026-11-30");
        results[2].Status.ShouldBe(WorkflowStatus.Suspended);
        var waiting = results[2].Bookmarks.ShouldHaveSingleItem();
        waiting.Key.ShouldBe("OfferAccepted");
        waiting.CorrelationId.ShouldBe("B");

        // Without a correlation id the event reaches every waiting instance.
        var b = await EventBookmarks.ResumeAsync(_engine.Runner, blueprint, results[2].State, "OfferAccepted", null, payload, TestContext.Current.CancellationToken);
        b.Status.ShouldBe(WorkflowStatus.Finished);
    }

    [Fact]
    public async Task WaitingState_SurvivesSerialization_AndResumesInAFreshEngine()
    {
        var state = await StartAsync("A");
        using var fresh = new TestEngine();

        var restored = WorkflowState.Deserialize(state.Serialize());
        var result = await EventBookmarks.ResumeAsync(fresh.Runner, fresh.Load(Workflow), restored, "OfferAccepted", "A", JsonNode.Parse("""{"on":"today"}"""), TestContext.Current.CancellationToken);

        result.Status.ShouldBe(WorkflowStatus.Finished);
        result.State.Output["AcceptedOn"].ShouldBe("today");
    }
}
