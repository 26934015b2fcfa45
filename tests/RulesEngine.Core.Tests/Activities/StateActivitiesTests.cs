using System.Text.Json.Nodes;
using RulesEngine.Core.Execution;
using RulesEngine.Core.Expressions;
using RulesEngine.Core.Tests.Support;
using RulesEngine.TestSupport.Workflows;

namespace RulesEngine.Core.Tests.Activities;

public sealed class StateActivitiesTests : IDisposable
{
    private readonly TestEngine _engine = new();

    public void Dispose() => _engine.Dispose();

    private static string OnceFlow => new Flow { DefinitionId = "invite" }
        .Add("once", "RulesEngine.Once", ("key", Flow.CSharp("Trigger[\"applicationId\"]!.ToString()", "String")))
        .Add("send", "Elsa.WriteLine", ("text", Flow.CSharp("\"invite \" + Trigger[\"applicationId\"]", "String")))
        .Add("skip", "Elsa.WriteLine", ("text", Flow.Literal("already invited")))
        .Connect("once", "send", "First")
        .Connect("once", "skip", "Again");

    private static StartOptions Application(string id) => new() { TenantId = "acme", Trigger = new TriggerState { Body = new JsonObject { ["applicationId"] = id } } };

    [Fact]
    public async Task Once_LetsEachKeyThroughTheFirstTimeOnly()
    {
        await _engine.RunAsync(OnceFlow, Application("a-1"));
        await _engine.RunAsync(OnceFlow, Application("a-1"));
        await _engine.RunAsync(OnceFlow, Application("a-2"));

        _engine.Console.Lines.ShouldBe(["invite a-1", "already invited", "invite a-2"]);
    }

    [Fact]
    public async Task Once_KeysAreSeparatePerTenant()
    {
        await _engine.RunAsync(OnceFlow, Application("a-1"));
        await _engine.RunAsync(OnceFlow, new StartOptions { TenantId = "other", Trigger = Application("a-1").Trigger });

        _engine.Console.Lines.ShouldBe(["invite a-1", "invite a-1"]);
    }

    [Theory]
    [InlineData("hj-1", "Found", "sr-job-9")]
    [InlineData("hj-404", "NotFound", "")]
    public async Task Lookup_FindsTheMappedValueOrSaysNotFound(string key, string outcome, string value)
    {
        var mappings = new MappingTables(new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["jobs"] = new Dictionary<string, string> { ["hj-1"] = "sr-job-9" },
        });

        var result = await _engine.RunAsync(
            new Flow().Add("lookup", "RulesEngine.Lookup", ("table", Flow.Literal("jobs")), ("key", Flow.Literal(key))),
            new StartOptions { Mappings = mappings });

        result.State.Journal.Single(j => j.ActivityId == "lookup").Outcomes.ShouldBe([outcome]);
        (result.State.ActivityOutputs["lookup"]["value"] ?? string.Empty).ShouldBe(value);
    }

    [Fact]
    public async Task DetectChanges_ReportsAddedChangedAndRemovedAgainstThePreviousRun()
    {
        var flow = new Flow { DefinitionId = "org-sync" }
            .Input("Jobs", "Object")
            .Add("diff", "RulesEngine.DetectChanges", ("items", Flow.CSharp("Input.Jobs")), ("compareFields", Flow.Expr("Object", "[\"title\",\"status\"]", "String[]")))
            .ToString();
        static StartOptions Jobs(string json) => new() { TenantId = "acme", Input = new Dictionary<string, object?> { ["Jobs"] = JsonNode.Parse(json) } };

        var first = await _engine.RunAsync(flow, Jobs("""[{"id":"1","title":"Dev","status":"SOURCING","seen":1},{"id":"2","title":"QA","status":"SOURCING"}]"""));
        var second = await _engine.RunAsync(flow, Jobs("""[{"id":"1","title":"Dev","status":"SOURCING","seen":2},{"id":"3","title":"PM","status":"SOURCING"},{"id":"2","title":"QA","status":"FILLED"}]"""));
        var third = await _engine.RunAsync(flow, Jobs("""[{"id":"3","title":"PM","status":"SOURCING"},{"id":"2","title":"QA","status":"FILLED"}]"""));
        var fourth = await _engine.RunAsync(flow, Jobs("""[{"id":"3","title":"PM","status":"SOURCING"},{"id":"2","title":"QA","status":"FILLED"}]"""));

        Ids(first, "added").ShouldBe(["1", "2"]);
        Ids(second, "added").ShouldBe(["3"]);
        Ids(second, "changed").ShouldBe(["2"]);
        Ids(second, "removed").ShouldBeEmpty();
        Ids(third, "removed").ShouldBe(["1"]);
        fourth.State.Journal.Single(j => j.ActivityId == "diff").Outcomes.ShouldBe(["Unchanged"]);
    }

    [Fact]
    public async Task DetectChanges_CompareOnly_LeavesTheSnapshotUntilASecondDetectChangesSavesIt()
    {
        // detect (compare only) → a step that may fault half-way → save (same scope): a faulted run is redone next time.
        var flow = new Flow { DefinitionId = "org-sync" }
            .Input("Jobs", "Object")
            .Input("Fail", "Boolean")
            .Add("diff", "RulesEngine.DetectChanges", ("items", Flow.CSharp("Input.Jobs")), ("scope", Flow.Literal("jobs")), ("saveSnapshot", Flow.Literal("false", "Boolean")))
            .Add("send", "Elsa.FlowDecision", ("condition", Flow.CSharp("Input.Fail ? throw new InvalidOperationException(\"vendor down\") : true", "Boolean")))
            .Add("save", "RulesEngine.DetectChanges", ("items", Flow.CSharp("Input.Jobs")), ("scope", Flow.Literal("jobs")))
            .Connect("diff", "send", "Changed")
            .Connect("diff", "send", "Unchanged")
            .Connect("send", "save", "True")
            .ToString();
        static StartOptions Run(bool fail) => new()
        {
            TenantId = "acme",
            Input = new Dictionary<string, object?> { ["Jobs"] = JsonNode.Parse("""[{"id":"1","title":"Dev"}]"""), ["Fail"] = fail },
        };

        var failed = await _engine.RunAsync(flow, Run(fail: true));
        var redone = await _engine.RunAsync(flow, Run(fail: false));
        var after = await _engine.RunAsync(flow, Run(fail: false));

        failed.Status.ShouldBe(WorkflowStatus.Faulted);
        Ids(failed, "added").ShouldBe(["1"]);
        Ids(redone, "added").ShouldBe(["1"]);
        after.State.Journal.First(j => j.ActivityId == "diff").Outcomes.ShouldBe(["Unchanged"]);
    }

    [Fact]
    public async Task Watermark_IsEmptyAtFirst_AdvancesOnlyForward_AndIsPerTenant()
    {
        var flow = new Flow { DefinitionId = "candidates-sync" }
            .Input("To", "String")
            .Add("read", "RulesEngine.Watermark")
            .Add("advance", "RulesEngine.Watermark", ("operation", Flow.Literal("Advance")), ("advanceTo", Flow.CSharp("Input.To", "String")))
            .Connect("read", "advance")
            .ToString();
        static StartOptions To(string? to, string tenant = "acme") => new() { TenantId = tenant, Input = new Dictionary<string, object?> { ["To"] = to } };
        static (object? Read, object? After) Marks(RunResult r) => (r.State.ActivityOutputs["read"]["value"], r.State.ActivityOutputs["advance"]["value"]);

        var first = await _engine.RunAsync(flow, To("2026-03-01T10:00:00.250+01:00"));
        var older = await _engine.RunAsync(flow, To("2026-01-01T00:00:00Z"));
        var none = await _engine.RunAsync(flow, To(""));
        var otherTenant = await _engine.RunAsync(flow, To(null, "other"));
        var bad = await _engine.RunAsync(flow, To("yesterday"));

        Marks(first).ShouldBe(("", "2026-03-01T09:00:00.250Z"));
        Marks(older).ShouldBe(("2026-03-01T09:00:00.250Z", "2026-03-01T09:00:00.250Z"));
        Marks(none).ShouldBe(("2026-03-01T09:00:00.250Z", "2026-03-01T09:00:00.250Z"));
        Marks(otherTenant).ShouldBe(("", ""));
        bad.Status.ShouldBe(WorkflowStatus.Faulted);
        bad.Fault!.Message.ShouldContain("input 'advanceTo': 'yesterday'");
    }

    private static List<string> Ids(RunResult result, string output) =>
        ((JsonArray)result.State.ActivityOutputs["diff"][output]!).Select(n => n is JsonObject o ? o["id"]!.GetValue<string>() : n!.GetValue<string>()).ToList();
}
