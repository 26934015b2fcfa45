using RulesEngine.Persistence.Audit;
using RulesEngine.Persistence.Snapshots;

namespace RulesEngine.Persistence.Tests.Snapshots;

public sealed class SnapshotAndAuditStoreTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task SetAsync_InsertsThenReplaces_PerTenant(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = db.Get<ISnapshotStore>();
        var (a, b) = (Some.TenantId(), Some.TenantId());

        (await store.GetAsync(a, "jobs", ct)).ShouldBeNull();
        await store.SetAsync(a, "jobs", "[1]", ct);
        await Task.WhenAll(Enumerable.Range(0, 5).Select(i => store.SetAsync(a, "jobs", $"[{i}]", ct)));
        await store.SetAsync(a, "jobs", "[1,2]", ct);
        (await store.GetAsync(a, "jobs", ct)).ShouldBe("[1,2]");
        (await store.GetAsync(b, "jobs", ct)).ShouldBeNull();
        (await store.DeleteAsync(b, "jobs", ct)).ShouldBeFalse();
        (await store.DeleteAsync(a, "jobs", ct)).ShouldBeTrue();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task AuditAppendAsync_ListsNewestFirstPerTenant(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(provider);
        var audit = db.Get<IAuditStore>();
        var (a, b) = (Some.TenantId(), Some.TenantId());
        await audit.AppendAsync(a, "alice", "workflow.publish", "wf1", "{\"version\":1}", ct);
        db.Time.Advance(TimeSpan.FromSeconds(1));
        await audit.AppendAsync(a, "bob", "connection.update", "sr", cancellationToken: ct);
        await audit.AppendAsync(b, "eve", "tenant.create", b, cancellationToken: ct);

        var entries = await audit.ListAsync(a, cancellationToken: ct);
        entries.Select(e => e.Action).ShouldBe(["connection.update", "workflow.publish"]);
        (await audit.ListAsync(a, before: entries[0].At, cancellationToken: ct)).ShouldHaveSingleItem().Actor.ShouldBe("alice");
    }
}
