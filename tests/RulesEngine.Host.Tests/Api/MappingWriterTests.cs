using Microsoft.Extensions.DependencyInjection;
using RulesEngine.Activities.State;
using RulesEngine.Host.Tests.Api.Support;
using RulesEngine.Persistence.Audit;
using RulesEngine.Persistence.Mappings;

namespace RulesEngine.Host.Tests.Api;

/// <summary>The host's writer behind RulesEngine.SetMapping, on the real SQLite mapping store.</summary>
public sealed class MappingWriterTests(SharedHost shared)
{
    [Fact]
    public async Task Write_CreatesTheTable_ThenSetsAndDeletesRowsInOneStep()
    {
        var ct = TestContext.Current.CancellationToken;
        var tenant = await shared.Host.CreateTenantAsync();
        var writer = shared.Host.App.Services.GetRequiredService<IMappingWriter>();
        var store = shared.Host.App.Services.GetRequiredService<IMappingTableStore>();

        (await writer.WriteAsync(tenant.Id, "stages", new Dictionary<string, string?> { ["j1:accepted"] = "IN_REVIEW/CV screen", ["j1:offer"] = "OFFERED, \"sent\"" }, ct)).ShouldBe(2);
        var changed = await writer.WriteAsync(tenant.Id, "stages", new Dictionary<string, string?> { ["j1:accepted"] = "NEW", ["j1:offer"] = null, ["j1:hired"] = "", ["j2:hired"] = "HIRED" }, ct);
        var unchanged = await writer.WriteAsync(tenant.Id, "stages", new Dictionary<string, string?> { ["j2:hired"] = "HIRED" }, ct);

        changed.ShouldBe(3);
        unchanged.ShouldBe(0);
        (await store.GetRowsAsync(tenant.Id, "stages", ct))!.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => (r.Key, r.Value))
            .ShouldBe([("j1:accepted", "NEW"), ("j2:hired", "HIRED")]);

        // The two writes that changed rows are audited like edits through the API; the no-op write is not.
        var audited = (await shared.Host.App.Services.GetRequiredService<IAuditStore>().ListAsync(tenant.Id, cancellationToken: ct))
            .Where(e => e.Action == "mapping.changed" && e.Target == "stages").ToList();
        audited.Count.ShouldBe(2);
        audited.ShouldAllBe(e => e.Actor.StartsWith("workflow", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Write_ABadKey_StoresNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var tenant = await shared.Host.CreateTenantAsync();
        var writer = shared.Host.App.Services.GetRequiredService<IMappingWriter>();
        await writer.WriteAsync(tenant.Id, "jobs", new Dictionary<string, string?> { ["hj-1"] = "sr-1" }, ct);

        var tooLong = new string('k', 5000);
        var error = await Should.ThrowAsync<InvalidOperationException>(async () =>
            await writer.WriteAsync(tenant.Id, "jobs", new Dictionary<string, string?> { ["hj-2"] = "sr-2", [tooLong] = "x" }, ct));

        error.Message.ShouldContain("'jobs'");
        (await shared.Host.App.Services.GetRequiredService<IMappingTableStore>().GetRowsAsync(tenant.Id, "jobs", ct))!.Keys.ShouldBe(["hj-1"]);
    }
}
