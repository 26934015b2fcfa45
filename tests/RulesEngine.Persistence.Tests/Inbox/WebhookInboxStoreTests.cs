using RulesEngine.Persistence.Inbox;

namespace RulesEngine.Persistence.Tests.Inbox;

public sealed class WebhookInboxStoreTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task TryAddAsync_TwentyConcurrentInsertsOfOneKey_ExactlyOneIsNew(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(provider);
        var inbox = db.Get<IWebhookInboxStore>();
        var tenant = Some.TenantId();

        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, 20).Select(i => Task.Run(
            async () =>
            {
                start.Wait(ct);
                return await inbox.TryAddAsync(new NewWebhookInboxItem(tenant, "smartrecruiters", "evt-1", "{}", $"{{\"n\":{i}}}"), ct);
            },
            ct)).ToList();
        start.Set();
        var results = await Task.WhenAll(tasks);

        results.Count(r => r.IsNew).ShouldBe(1);
        results.Select(r => r.Item.Id).Distinct().Count().ShouldBe(1);

        // The same event id from another source or tenant is a different item.
        (await inbox.TryAddAsync(new NewWebhookInboxItem(tenant, "http:/orders", "evt-1", null, null), ct)).IsNew.ShouldBeTrue();
        (await inbox.TryAddAsync(new NewWebhookInboxItem(Some.TenantId(), "smartrecruiters", "evt-1", null, null), ct)).IsNew.ShouldBeTrue();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task TryLeaseNextAsync_ClaimsEachItemOnce_AndExpiredLeasesAreRetaken(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(provider);
        var inbox = db.Get<IWebhookInboxStore>();
        var tenant = Some.TenantId();
        var first = (await inbox.TryAddAsync(new NewWebhookInboxItem(tenant, "sr", "e1", null, "1"), ct)).Item;
        db.Time.Advance(TimeSpan.FromSeconds(1));
        var second = (await inbox.TryAddAsync(new NewWebhookInboxItem(tenant, "sr", "e2", null, "2"), ct)).Item;

        var a = (await inbox.TryLeaseNextAsync("node-a", TimeSpan.FromMinutes(1), ct)).ShouldNotBeNull();
        var b = (await inbox.TryLeaseNextAsync("node-b", TimeSpan.FromMinutes(1), ct)).ShouldNotBeNull();
        (await inbox.TryLeaseNextAsync("node-c", TimeSpan.FromMinutes(1), ct)).ShouldBeNull();
        a.Id.ShouldBe(first.Id);
        b.Id.ShouldBe(second.Id);
        a.Status.ShouldBe(WebhookInboxStatus.Processing);
        a.Attempts.ShouldBe(1);

        (await inbox.CompleteAsync(tenant, a.Id, "node-b", "i-1", ct)).ShouldBeFalse(); // not the owner
        (await inbox.CompleteAsync(tenant, a.Id, "node-a", "i-1", ct)).ShouldBeTrue();
        (await inbox.GetAsync(tenant, a.Id, ct))!.Status.ShouldBe(WebhookInboxStatus.Done);

        // node-b crashes; after its lease ends node-c takes the item over.
        db.Time.Advance(TimeSpan.FromMinutes(2));
        var retaken = (await inbox.TryLeaseNextAsync("node-c", TimeSpan.FromMinutes(1), ct)).ShouldNotBeNull();
        retaken.Id.ShouldBe(second.Id);
        retaken.Attempts.ShouldBe(2);
        (await inbox.FailAsync(tenant, second.Id, "node-b", "late", retry: false, ct)).ShouldBeFalse();
        (await inbox.FailAsync(tenant, second.Id, "node-c", "boom", retry: false, ct)).ShouldBeTrue();
        (await inbox.GetAsync(tenant, second.Id, ct))!.Status.ShouldBe(WebhookInboxStatus.Failed);

        (await inbox.PurgeAsync(db.Time.GetUtcNow(), ct)).ShouldBe(2);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task TryLeaseNextAsync_ConcurrentWorkers_NeverClaimOneItemTwice(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(provider);
        var inbox = db.Get<IWebhookInboxStore>();
        var tenant = Some.TenantId();
        for (var i = 0; i < 10; i++)
        {
            await inbox.TryAddAsync(new NewWebhookInboxItem(tenant, "sr", $"e{i}", null, null), ct);
        }

        var claimed = await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(
            async () =>
            {
                var mine = new List<string>();
                for (var attempt = 0; attempt < 30; attempt++)
                {
                    if (await inbox.TryLeaseNextAsync($"w{w}", TimeSpan.FromMinutes(5), ct) is { } item)
                    {
                        mine.Add(item.Id);
                    }
                }

                return mine;
            },
            ct)));

        var all = claimed.SelectMany(x => x).ToList();
        all.Count.ShouldBe(10);
        all.Distinct().Count().ShouldBe(10);
    }
}
