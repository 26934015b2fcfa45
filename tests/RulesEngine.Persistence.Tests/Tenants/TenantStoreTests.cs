using RulesEngine.Persistence.Connections;
using RulesEngine.Persistence.Tenants;
using RulesEngine.Persistence.Workflows;

namespace RulesEngine.Persistence.Tests.Tenants;

public sealed class TenantStoreTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task CreateAsync_DuplicateIsNull_DeleteRemovesOnlyThatTenantsRows(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(provider);
        var tenants = db.Get<ITenantStore>();
        var (a, b) = (Some.TenantId(), Some.TenantId());

        (await tenants.CreateAsync(a, "Acme", ct))!.CreatedAt.ShouldBe(db.Time.GetUtcNow());
        (await tenants.CreateAsync(a, "Again", ct)).ShouldBeNull();
        await tenants.CreateAsync(b, "Beta", ct);
        await Should.ThrowAsync<ArgumentException>(() => tenants.CreateAsync("Not A Slug", "x", ct));
        (await tenants.ListAsync(ct)).Select(t => t.Id).ShouldBe(new[] { a, b }.Order());

        foreach (var t in new[] { a, b })
        {
            await db.Get<IWorkflowDefinitionStore>().CreateAsync(t, new NewWorkflowDefinition("wf", "W", null, Some.WorkflowJson(t), null), ct);
            await db.Get<IConnectionStore>().UpsertAsync(t, "sr", new ConnectionUpdate { Kind = "smartrecruiters" }, ct);
        }

        (await tenants.DeleteAsync(a, ct)).ShouldBeTrue();
        (await tenants.GetAsync(a, ct)).ShouldBeNull();
        (await db.Get<IWorkflowDefinitionStore>().ListAsync(a, ct)).ShouldBeEmpty();
        (await db.Get<IConnectionStore>().ListAsync(a, ct)).ShouldBeEmpty();
        (await db.Get<IWorkflowDefinitionStore>().ListAsync(b, ct)).ShouldHaveSingleItem();
        (await db.Get<IConnectionStore>().ListAsync(b, ct)).ShouldHaveSingleItem();
        (await tenants.DeleteAsync(a, ct)).ShouldBeFalse();
    }
}
