using RulesEngine.Persistence.Triggers;

namespace RulesEngine.Persistence.Tests.Triggers;

public sealed class TriggerIndexStoreTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ReplaceAsync_SwapsTheDefinitionsEntries_AndLeavesOthersAlone(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = db.Get<ITriggerIndexStore>();
        var (a, b) = (Some.TenantId(), Some.TenantId());

        await store.ReplaceAsync(a, "wf1", [new TriggerRegistration(1, "http1", TriggerKinds.Http, "POST /orders"), new TriggerRegistration(1, "cron1", TriggerKinds.Cron, "0 */5 * * * ?")], ct);
        await store.ReplaceAsync(a, "wf2", [new TriggerRegistration(3, "cron", TriggerKinds.Cron, "0 0 * * * ?")], ct);
        await store.ReplaceAsync(b, "wf1", [new TriggerRegistration(1, "http1", TriggerKinds.Http, "POST /orders")], ct);

        (await store.FindAsync(a, TriggerKinds.Http, "POST /orders", ct)).ShouldHaveSingleItem().DefinitionId.ShouldBe("wf1");
        (await store.ListByKindAsync(TriggerKinds.Cron, ct)).Count.ShouldBe(2);

        // Republishing wf1 with only a SmartRecruiters trigger removes its HTTP and cron entries.
        await store.ReplaceAsync(a, "wf1", [new TriggerRegistration(2, "sr", TriggerKinds.SmartRecruiters, "application.created", "{\"x\":1}")], ct);
        (await store.FindAsync(a, TriggerKinds.Http, "POST /orders", ct)).ShouldBeEmpty();
        (await store.ListAsync(a, "wf1", ct)).ShouldHaveSingleItem().SettingsJson.ShouldBe("{\"x\":1}");
        (await store.ListAsync(a, cancellationToken: ct)).Count.ShouldBe(2);
        (await store.FindAsync(b, TriggerKinds.Http, "POST /orders", ct)).ShouldHaveSingleItem();

        (await store.RemoveAsync(a, "wf1", ct)).ShouldBe(1);
        (await store.ListAsync(a, "wf1", ct)).ShouldBeEmpty();
    }
}
