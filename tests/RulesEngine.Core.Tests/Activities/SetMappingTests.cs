using Microsoft.Extensions.DependencyInjection;
using RulesEngine.Activities.State;
using RulesEngine.Core.Execution;
using RulesEngine.Core.Tests.Support;
using RulesEngine.TestSupport.Workflows;

namespace RulesEngine.Core.Tests.Activities;

public sealed class SetMappingTests
{
    private sealed class RecordingWriter : IMappingWriter
    {
        public List<(string Tenant, string Table, IReadOnlyDictionary<string, string?> Rows)> Writes { get; } = [];

        public ValueTask<int> WriteAsync(string tenantId, string table, IReadOnlyDictionary<string, string?> rows, CancellationToken cancellationToken)
        {
            Writes.Add((tenantId, table, rows));
            return ValueTask.FromResult(rows.Count);
        }
    }

    [Fact]
    public async Task RowsAndASingleKey_AreWrittenTogether_EmptyValuesMeanDelete()
    {
        var writer = new RecordingWriter();
        using var engine = new TestEngine(s => s.AddSingleton<IMappingWriter>(writer));

        var result = await engine.RunAsync(new Flow().Add("set", "RulesEngine.SetMapping",
            ("table", Flow.Literal("hackajob-stages")),
            ("rows", Flow.CSharp("new JsonObject { [\"j2:accepted\"] = \"IN_REVIEW/CV screen\", [\"j2:offer\"] = null }")),
            ("key", Flow.Literal("j2:hired")),
            ("value", Flow.Literal("HIRED"))), new StartOptions { TenantId = "acme" });

        result.Status.ShouldBe(WorkflowStatus.Finished, result.Fault?.Message);
        var write = writer.Writes.ShouldHaveSingleItem();
        (write.Tenant, write.Table).ShouldBe(("acme", "hackajob-stages"));
        write.Rows.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => (r.Key, r.Value))
            .ShouldBe([("j2:accepted", "IN_REVIEW/CV screen"), ("j2:hired", "HIRED"), ("j2:offer", (string?)null)]);
        result.State.ActivityOutputs["set"]["changed"].ShouldBe(3);
    }

    [Fact]
    public async Task WithoutAMappingStore_TheRunFaultsSayingWhy()
    {
        using var engine = new TestEngine();

        var result = await engine.RunAsync(new Flow().Add("set", "RulesEngine.SetMapping", ("table", Flow.Literal("jobs")), ("key", Flow.Literal("a")), ("value", Flow.Literal("b"))));

        result.Status.ShouldBe(WorkflowStatus.Faulted);
        result.Fault!.Message.ShouldContain("keeps no mapping tables");
    }

    [Fact]
    public async Task NothingToWrite_Faults()
    {
        var writer = new RecordingWriter();
        using var engine = new TestEngine(s => s.AddSingleton<IMappingWriter>(writer));

        var result = await engine.RunAsync(new Flow().Add("set", "RulesEngine.SetMapping", ("table", Flow.Literal("jobs"))));

        result.Status.ShouldBe(WorkflowStatus.Faulted);
        result.Fault!.Message.ShouldContain("nothing to write");
        writer.Writes.ShouldBeEmpty();
    }
}
