using RulesEngine.Persistence.OnceKeys;

namespace RulesEngine.Persistence.Tests.OnceKeys;

public sealed class OnceKeyStoreTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task TryAddAsync_TwentyConcurrentCallers_OnlyOneGetsTrue(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = db.Get<IOnceKeyStore>();
        var tenant = Some.TenantId();

        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, 20).Select(_ => Task.Run(
            async () =>
            {
                start.Wait(ct);
                return await store.TryAddAsync(tenant, "export-candidate", "cand-42", ct);
            },
            ct)).ToList();
        start.Set();
        var results = await Task.WhenAll(tasks);

        results.Count(r => r).ShouldBe(1);
        (await store.TryAddAsync(tenant, "export-candidate", "cand-42", ct)).ShouldBeFalse();
        (await store.ContainsAsync(tenant, "export-candidate", "cand-42", ct)).ShouldBeTrue();

        // Other scopes and tenants are independent.
        (await store.TryAddAsync(tenant, "other", "cand-42", ct)).ShouldBeTrue();
        var other = Some.TenantId();
        (await store.ContainsAsync(other, "export-candidate", "cand-42", ct)).ShouldBeFalse();
        (await store.TryAddAsync(other, "export-candidate", "cand-42", ct)).ShouldBeTrue();

        // Forgetting a key lets it pass again.
        (await store.RemoveAsync(tenant, "export-candidate", "cand-42", ct)).ShouldBe(1);
        (await store.TryAddAsync(tenant, "export-candidate", "cand-42", ct)).ShouldBeTrue();
    }
}
