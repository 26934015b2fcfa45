using Microsoft.Extensions.DependencyInjection;
using RulesEngine.Activities.Console;
using RulesEngine.Core.Execution;
using RulesEngine.Core.Sdk;
using RulesEngine.Core.Tests.Support;
using RulesEngine.TestSupport.Workflows;

namespace RulesEngine.Core.Tests.Execution;

/// <summary>
/// When the runner asks the host to persist a run: after a side effect, before the next activity that is not instant
/// (with that activity still queued), and not at all when only instant activities follow it up to the end.
/// </summary>
public sealed class CheckpointTests : IDisposable
{
    private readonly TestEngine _engine = new(services => services.AddActivity<SideEffect>());

    public void Dispose() => _engine.Dispose();

    [Fact]
    public async Task SideEffect_ThenInstantActivities_ThenAnotherActivity_CheckpointsOnceBeforeThatActivity()
    {
        var blueprint = _engine.Load(new Flow()
            .Add("call", "Test.SideEffect")
            .Add("set", "Elsa.SetVariable", ("variable", "Tag"), ("value", "x"))
            .Add("log", "Elsa.WriteLine", ("text", "after the checkpoint"))
            .Add("call2", "Test.SideEffect")
            .Add("answer", "Elsa.SetOutput", ("outputName", "Done"), ("outputValue", "yes"))
            .Chain("call", "set", "log", "call2", "answer")
            .Variable("Tag")
            .ToString());
        var checkpoints = new List<(string NextActivity, int LinesWritten)>();

        var result = await RunAsync(blueprint, state =>
            checkpoints.Add((state.Contexts[state.Queue.Peek().ContextId].ActivityId, _engine.Console.Lines.Count)));

        result.Status.ShouldBe(WorkflowStatus.Finished);
        // One checkpoint, taken with WriteLine next and not yet run: a crash after it repeats the line, not the call.
        // The second call is followed only by instant activities: the run's final save covers it.
        checkpoints.ShouldBe([("log", 0)]);
    }

    [Fact]
    public async Task SideEffect_FollowedOnlyByInstantActivities_LeavesItToTheFinalSave()
    {
        var blueprint = _engine.Load(new Flow()
            .Add("call", "Test.SideEffect")
            .Add("decide", "Elsa.FlowDecision", ("condition", Flow.Literal("true", "Boolean")))
            .Add("answer", "Elsa.SetOutput", ("outputName", "Done"), ("outputValue", "yes"))
            .Connect("call", "decide")
            .Connect("decide", "answer", "True")
            .ToString());
        var checkpoints = 0;

        var result = await RunAsync(blueprint, _ => checkpoints++);

        result.Status.ShouldBe(WorkflowStatus.Finished);
        checkpoints.ShouldBe(0);
    }

    [Fact]
    public async Task SideEffect_ThenAnActivityThatIsNotInstant_CheckpointsBeforeIt()
    {
        var blueprint = _engine.Load(new Flow()
            .Add("call", "Test.SideEffect")
            .Add("call2", "Test.SideEffect")
            .Chain("call", "call2")
            .ToString());
        var next = new List<string>();

        await RunAsync(blueprint, state => next.Add(state.Contexts[state.Queue.Peek().ContextId].ActivityId));

        next.ShouldBe(["call2"]);
    }

    private Task<RunResult> RunAsync(WorkflowBlueprint blueprint, Action<WorkflowState> onCheckpoint)
    {
        blueprint.Problems.Where(p => p.IsError).ShouldBeEmpty();
        var state = _engine.Runner.CreateState(blueprint, null);
        return _engine.Runner.RunAsync(blueprint, state, null, TestContext.Current.CancellationToken, (s, _) =>
        {
            onCheckpoint(s);
            return ValueTask.CompletedTask;
        });
    }

    /// <summary>Stands for an HTTP call or a SmartRecruiters write.</summary>
    [Activity("Test.SideEffect", HasSideEffects = true)]
    public sealed class SideEffect : Activity
    {
        public override ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
