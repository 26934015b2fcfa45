using RulesEngine.Persistence.Bookmarks;

namespace RulesEngine.Persistence.Tests.Bookmarks;

public sealed class BookmarkStoreTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task FindAsync_ByNameAndHash_AndDeleteClaimsOnce(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = db.Get<IBookmarkStore>();
        var tenant = Some.TenantId();
        var hash = PayloadHash.Compute("{\"event\":\"application.created\"}");
        var now = db.Time.GetUtcNow();

        await store.AddAsync(
            [
                new Bookmark { Id = string.Empty, TenantId = tenant, InstanceId = "i1", ActivityId = "a1", Name = "SmartRecruiters.Event", Hash = hash, CorrelationId = "cand-1" },
                new Bookmark { Id = string.Empty, TenantId = tenant, InstanceId = "i2", ActivityId = "a1", Name = "SmartRecruiters.Event", Hash = PayloadHash.Compute("other") },
                new Bookmark { Id = string.Empty, TenantId = tenant, InstanceId = "i1", ActivityId = "d1", Name = "Elsa.Delay", ResumeAt = now.AddMinutes(5) },
                new Bookmark { Id = string.Empty, TenantId = tenant, InstanceId = "i3", ActivityId = "d1", Name = "Elsa.Delay", ResumeAt = now.AddMinutes(1) },
            ],
            ct);

        var found = (await store.FindAsync(tenant, "SmartRecruiters.Event", hash, cancellationToken: ct)).ShouldHaveSingleItem();
        found.InstanceId.ShouldBe("i1");
        (await store.FindAsync(tenant, "SmartRecruiters.Event", cancellationToken: ct)).Count.ShouldBe(2);
        (await store.FindAsync(tenant, "SmartRecruiters.Event", correlationId: "cand-1", cancellationToken: ct)).ShouldHaveSingleItem();
        (await store.FindAsync(Some.TenantId(), "SmartRecruiters.Event", hash, cancellationToken: ct)).ShouldBeEmpty();

        var claims = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => store.DeleteAsync(tenant, found.Id, ct)));
        claims.Count(c => c).ShouldBe(1);

        (await store.ListDueAsync(now.AddMinutes(2), 10, ct)).ShouldHaveSingleItem().InstanceId.ShouldBe("i3");
        (await store.ListDueAsync(now.AddMinutes(10), 10, ct)).Select(b => b.InstanceId).ShouldBe(["i3", "i1"]);
        (await store.ListByInstanceAsync(tenant, "i1", ct)).ShouldHaveSingleItem().Name.ShouldBe("Elsa.Delay");
        (await store.DeleteByInstanceAsync(tenant, "i1", ct)).ShouldBe(1);
    }
}
