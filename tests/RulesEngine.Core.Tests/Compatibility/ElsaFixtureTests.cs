using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RulesEngine.Core.Execution;
using RulesEngine.Core.Model;
using RulesEngine.Core.Sdk;
using RulesEngine.Core.Serialization;
using RulesEngine.Core.Tests.Support;
using RulesEngine.Core.Validation;

namespace RulesEngine.Core.Tests.Compatibility;

/// <summary>Elsa 3 exports (Fixtures/Elsa) load without problems and run to the results Elsa gives them.</summary>
[Collection(CompatibilityCollection.Name)]
public sealed class ElsaFixtureTests : IDisposable
{
    private readonly RecordingEventPublisher _published = new();
    private readonly TestEngine _engine;

    public ElsaFixtureTests() => _engine = new TestEngine(s => s.AddSingleton<IEventPublisher>(_published));

    public void Dispose() => _engine.Dispose();

    private static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Elsa", name);

    private static string Fixture(string name) => File.ReadAllText(FixturePath(name));

    public static TheoryData<string> RunnableFixtures() =>
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Elsa"), "*.json")
            .Select(Path.GetFileName).Where(f => !f!.StartsWith("import-report", StringComparison.Ordinal)).Select(f => f!)];

    [Theory]
    [MemberData(nameof(RunnableFixtures))]
    public void Fixture_LoadsWithoutProblems_AndTheImportReportIsEmpty(string file)
    {
        var definition = _engine.Read(Fixture(file));

        var blueprint = _engine.Loader.Load(definition);

        blueprint.Problems.ShouldBeEmpty();
        ImportReport.Create(definition, blueprint).HasProblems.ShouldBeFalse();
    }

    [Theory]
    [MemberData(nameof(RunnableFixtures))]
    public void Fixture_RoundTripsThroughTheWriter_LosingNothingThatMatters(string file)
    {
        var definition = _engine.Read(Fixture(file));

        var again = _engine.Read(WorkflowJsonWriter.Write(definition));

        WorkflowJsonWriter.Write(again).ShouldBe(WorkflowJsonWriter.Write(definition));
        _engine.Loader.Load(again).Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task LoopIfLiquid_CountsToThreeAndBreaks_ThenWritesTheLiquidLabel()
    {
        var result = await _engine.RunAsync(Fixture("loop-if-liquid.json"));

        result.Status.ShouldBe(WorkflowStatus.Finished);
        result.State.Variables["Count"].ShouldBe(3);
        result.State.Output["Result"].ShouldBe("count=3");
        result.State.Name.ShouldBe("counted 3");
    }

    [Theory]
    [InlineData(90, "gold")]
    [InlineData(65, "silver")]
    [InlineData(10, "bronze")]
    public async Task OfferSwitchForkEvent_PicksTheTier_WaitsForTheCorrelatedEvent_ThenPublishes(int score, string tier)
    {
        var json = Fixture("offer-switch-fork-event.json");
        var options = new StartOptions { Input = new Dictionary<string, object?> { ["CandidateId"] = "c-42", ["Score"] = score } };

        var waiting = await _engine.RunAsync(json, options);

        waiting.Status.ShouldBe(WorkflowStatus.Suspended);
        waiting.State.CorrelationId.ShouldBe("c-42");
        waiting.State.Variables["Notified"].ShouldBe(true);
        _engine.Console.Lines.ShouldBe([$"{tier} offer for c-42"]);
        EventBookmarks.Find(waiting.State, "OfferAccepted", "c-42").ShouldHaveSingleItem();

        var done = await EventBookmarks.ResumeAsync(_engine.Runner, _engine.Load(json), waiting.State, "OfferAccepted", "c-42", JsonNode.Parse("""{"salary":5000}"""), TestContext.Current.CancellationToken);

        done.Status.ShouldBe(WorkflowStatus.Finished);
        done.State.Output["Tier"].ShouldBe($"{tier}/5000");
        var hired = _published.Events.ShouldHaveSingleItem();
        hired.EventName.ShouldBe("CandidateHired");
        hired.CorrelationId.ShouldBe("c-42");
        hired.Payload!.ToJsonString().ShouldBe($$"""{"candidateId":"c-42","tier":"{{tier}}","notified":true}""");
    }

    [Fact]
    public async Task LoopsOutcomesJoin_SumsBranchesAndJoinsOnce()
    {
        var result = await _engine.RunAsync(Fixture("loops-outcomes-join.json"));

        result.Status.ShouldBe(WorkflowStatus.Finished);
        result.State.Variables["Sum"].ShouldBe(10);
        ValueConverter.ToNode(result.State.Output["Summary"])!.ToJsonString().ShouldBe("""{"sum":10}""");
        _engine.Console.Lines.Take(3).ShouldBe(["item a", "item b", "item c"], ignoreOrder: true);
        _engine.Console.Lines.Skip(3).ShouldBe(["10 aGk= SUM-AND-BRANCH", "joined"]);
    }

    [Fact]
    public void ImportReport_CountsUnknownTypes_UnsupportedExpressions_AndOptions_PerActivity()
    {
        var definition = _engine.Read(Fixture("import-report-mixed.json"));
        var blueprint = _engine.Loader.Load(definition);

        var report = ImportReport.Create(definition, blueprint);

        report.UnknownTypes.ShouldBe(3);
        report.UnsupportedExpressions.ShouldBe(1);
        report.UnsupportedOptions.ShouldBe(5);
        report.HasProblems.ShouldBeTrue();
        report.Summary.ShouldBe("3 unknown types, 1 unsupported expression, 5 unsupported options");
        report.Items.Where(i => i.Kind == ImportReportItem.UnknownType).Select(i => i.ActivityId).ShouldBe(["dispatch", "crm", "nested-unknown"], ignoreOrder: true);
        report.Items.Single(i => i.Kind == ImportReportItem.UnsupportedExpression).ActivityId.ShouldBe("py");
        report.Items.Where(i => i.Kind == ImportReportItem.UnsupportedOption).Select(i => (i.ActivityId, i.Property)).ShouldBe(
            [(null, "autoUpdateConsumingWorkflows"), (null, "activationStrategyType"), ("hello", "runAsynchronously"), ("call", "authorization"), ("call", "responseHeaders")],
            ignoreOrder: true);
        // Supported in the same file, so not reported: ExecuteWorkflow, a workflow used as an activity, Liquid, JavaScript, usableAsActivity.
        report.Items.ShouldNotContain(i => i.ActivityId == "child" || i.ActivityId == "score" || i.Property == "usableAsActivity");
        blueprint.IsRunnable.ShouldBeFalse();
    }

    [Fact]
    public void ImportReport_KeepsUnknownActivitiesVerbatim()
    {
        var json = Fixture("import-report-mixed.json");
        var definition = _engine.Read(json);

        var written = JsonNode.Parse(WorkflowJsonWriter.Write(definition))!;

        var crm = written["root"]!["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == "crm")!;
        crm["type"]!.GetValue<string>().ShouldBe("Acme.Crm.SyncContact, Acme.Activities");
        var fork = written["root"]!["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == "fork")!;
        fork["branches"]![0]!["type"]!.GetValue<string>().ShouldBe("Acme.Nested");
        definition.AllActivities().Where(a => a.IsUnknown).Select(a => a.Id).ShouldBe(["dispatch", "crm"], ignoreOrder: true);
        definition.AllActivities().Single(a => a.Id == "score").WorkflowDefinitionId.ShouldBe("score-candidate");
    }
}
